from django.contrib import admin
from django.urls import path

from timeline import views

urlpatterns = [
    path("", views.home, name="home"),
    path("r/<slug:family>/", views.resolution, name="resolution"),
    path("r/<slug:family>/<slug:revision>/", views.revision, name="revision"),
    path("admin/", admin.site.urls),
]
