from django.contrib.admin.models import LogEntry
from django.db.models import Subquery

from timeline.models import Collection


def collection(request) -> dict:
    """Where the data comes from and when it last changed, for every page's footer: the
    later of the collection's compilation and the last edit an editor made in the admin
    (imports keep the compilation date; the admin's history records every edit). One
    query."""
    last_edit = (
        LogEntry.objects.filter(content_type__app_label="timeline")
        .order_by("-action_time")
        .values("action_time")[:1]
    )
    found = Collection.objects.annotate(last_edit=Subquery(last_edit)).first()
    last_updated = None
    if found is not None:
        last_updated = found.compiled
        if found.last_edit is not None:
            last_updated = max(last_updated, found.last_edit.date())
    return {"collection": found, "last_updated": last_updated}
