from django.contrib import admin
from django.urls import include, path
from django.views.decorators.http import require_safe

from timeline.page_cache import reader_page
from timeline.views import about, clauses, compare, countries, pages, previews, search

urlpatterns = [
    path("", reader_page(pages.home), name="home"),
    path("r/<slug:family>/", reader_page(pages.resolution), name="resolution"),
    path(
        "r/<slug:family>/compare/<slug:old>...<slug:new>/",
        reader_page(compare.compare),
        name="compare",
    ),
    path("r/<slug:family>/compare/", reader_page(compare.compare_form), name="compare-form"),
    path(
        "compare/<slug:old_family>/<slug:old>...<slug:new_family>/<slug:new>/",
        reader_page(compare.compare_across),
        name="compare-across",
    ),
    path("r/<slug:family>/<slug:revision>/", reader_page(pages.revision), name="revision"),
    path("c/<slug:family>/<slug:key>/", reader_page(clauses.clause), name="clause"),
    path("c/<slug:key>/", reader_page(clauses.clause_key), name="clause-key"),
    # Preview images of shared links, one per page that has one, at the page's address.
    path(
        "preview/r/<slug:family>/compare/<slug:old>...<slug:new>.png",
        require_safe(previews.compare_preview),
        name="compare-preview",
    ),
    path(
        "preview/compare/<slug:old_family>/<slug:old>...<slug:new_family>/<slug:new>.png",
        require_safe(previews.compare_across_preview),
        name="compare-across-preview",
    ),
    path(
        "preview/r/<slug:family>/<slug:revision>.png",
        require_safe(previews.revision_preview),
        name="revision-preview",
    ),
    path(
        "preview/c/<slug:family>/<slug:key>.png",
        require_safe(previews.clause_preview),
        name="clause-preview",
    ),
    path("countries/", reader_page(countries.countries), name="countries"),
    path("countries/<str:code>/", reader_page(countries.country), name="country"),
    path("search/", reader_page(search.search), name="search"),
    path("about/", reader_page(about.about), name="about"),
    path("glossary/", reader_page(about.glossary), name="glossary"),
    path("data/", reader_page(about.data), name="data"),
    path("", include("timeline.exports.urls")),
    path("admin/", admin.site.urls),
]
