from django.contrib import admin
from django.urls import path

from timeline.views import compare, pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("r/<slug:family>/", pages.resolution, name="resolution"),
    path("r/<slug:family>/compare/<slug:old>...<slug:new>/", compare.compare, name="compare"),
    path("r/<slug:family>/compare/", compare.compare_form, name="compare-form"),
    path("r/<slug:family>/<slug:revision>/", pages.revision, name="revision"),
    path("admin/", admin.site.urls),
]
