"""Clause texts, amendment texts and proposers' quotes stored before their letters were
composed (NFC, with the Latin ligatures spelt out: `timeline.diff.clean.composed`) are
composed now, as every way in has composed them since: the admin's clause forms, the
`unsc-drafts/1` import and the reader of the UN's files.

A few of the UN's own files spell "Communiqué" with a combining acute, and a PDF copy may
give "ﬁ" for "fi"; a database loaded before then kept them so, and a search for
"communiqué" missed those clauses on PostgreSQL. Only the rows whose text changes are
written, so the content version advances only if one does. Nothing to undo: the texts
read the same.
"""

from django.db import migrations

from timeline.diff.clean import composed

FIELDS = (("Clause", "text"), ("Amendment", "text"), ("Proposer", "quote"))
BATCH = 2000


def compose(apps, schema_editor) -> None:
    database = schema_editor.connection.alias
    for model_name, field in FIELDS:
        model = apps.get_model("timeline", model_name)
        changed = []
        rows = model._base_manager.using(database).only("pk", field).order_by("pk")
        for row in rows.iterator(chunk_size=BATCH):
            text = getattr(row, field)
            if (spelt := composed(text)) != text:
                setattr(row, field, spelt)
                changed.append(row)
        model._base_manager.using(database).bulk_update(changed, [field], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0012_country_tallies")]

    operations = [migrations.RunPython(compose, migrations.RunPython.noop, elidable=True)]
