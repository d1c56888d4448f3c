"""The content version (see timeline/versions.py): one row, in a table of its own that no
model maps (editors never edit it; a flush of the test database keeps it). The triggers
that advance it are made after every migrate, by `timeline.versions.install_triggers`."""

from django.db import migrations

TABLES = {
    "postgresql": "CREATE TABLE timeline_content_version (id integer PRIMARY KEY CHECK (id = 1), "
    "number bigint NOT NULL, changed_at timestamp with time zone NOT NULL)",
    "sqlite": "CREATE TABLE timeline_content_version (id integer PRIMARY KEY CHECK (id = 1), "
    "number integer NOT NULL, changed_at text NOT NULL)",
}


def create(apps, schema_editor):
    schema_editor.execute(TABLES[schema_editor.connection.vendor], params=None)


def drop(apps, schema_editor):
    from timeline.versions import drop_triggers

    drop_triggers(schema_editor.connection)
    schema_editor.execute("DROP TABLE timeline_content_version", params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0007_search_index")]

    operations = [migrations.RunPython(create, drop)]
