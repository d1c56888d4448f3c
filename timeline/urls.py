from django.contrib import admin
from django.urls import path

from timeline.views import about, clauses, compare, countries, pages, previews, search

urlpatterns = [
    path("", pages.home, name="home"),
    path("r/<slug:family>/", pages.resolution, name="resolution"),
    path("r/<slug:family>/compare/<slug:old>...<slug:new>/", compare.compare, name="compare"),
    path("r/<slug:family>/compare/", compare.compare_form, name="compare-form"),
    path(
        "compare/<slug:old_family>/<slug:old>...<slug:new_family>/<slug:new>/",
        compare.compare_across,
        name="compare-across",
    ),
    path("r/<slug:family>/<slug:revision>/", pages.revision, name="revision"),
    path("c/<slug:family>/<slug:key>/", clauses.clause, name="clause"),
    path("c/<slug:key>/", clauses.clause_key, name="clause-key"),
    # Preview images of shared links, one per page that has one, at the page's address.
    path(
        "preview/r/<slug:family>/compare/<slug:old>...<slug:new>.png",
        previews.compare_preview,
        name="compare-preview",
    ),
    path(
        "preview/compare/<slug:old_family>/<slug:old>...<slug:new_family>/<slug:new>.png",
        previews.compare_across_preview,
        name="compare-across-preview",
    ),
    path(
        "preview/r/<slug:family>/<slug:revision>.png",
        previews.revision_preview,
        name="revision-preview",
    ),
    path("preview/c/<slug:family>/<slug:key>.png", previews.clause_preview, name="clause-preview"),
    path("countries/", countries.countries, name="countries"),
    path("countries/<str:code>/", countries.country, name="country"),
    path("search/", search.search, name="search"),
    path("about/", about.about, name="about"),
    path("glossary/", about.glossary, name="glossary"),
    path("admin/", admin.site.urls),
]
