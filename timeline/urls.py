from django.contrib import admin
from django.urls import path

from timeline.views import about, clauses, compare, countries, pages, search

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
    path("countries/", countries.countries, name="countries"),
    path("countries/<str:code>/", countries.country, name="country"),
    path("search/", search.search, name="search"),
    path("about/", about.about, name="about"),
    path("glossary/", about.glossary, name="glossary"),
    path("admin/", admin.site.urls),
]
