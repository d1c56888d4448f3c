"""The addresses of every export (see `timeline.exports`)."""

from timeline.exports import akn, api, feeds, tables

urlpatterns = [*akn.urlpatterns, *api.urlpatterns, *tables.urlpatterns, *feeds.urlpatterns]
