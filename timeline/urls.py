from django.contrib import admin
from django.urls import path

from timeline.views import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("r/<slug:family>/", pages.resolution, name="resolution"),
    path("r/<slug:family>/<slug:revision>/", pages.revision, name="revision"),
    path("admin/", admin.site.urls),
]
