from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TimelineConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline"
    verbose_name = "Redline"

    def ready(self) -> None:
        from timeline import (
            country_tallies,
            login_throttle,  # noqa: F401 (connects its signal receivers)
            outage,
        )
        from timeline.search import ensure_sqlite_index
        from timeline.versions import install_triggers

        post_migrate.connect(ensure_sqlite_index, sender=self)
        post_migrate.connect(install_triggers, sender=self)
        post_migrate.connect(country_tallies.refresh_after_migrate, sender=self)
        country_tallies.connect()
        outage.connect()
