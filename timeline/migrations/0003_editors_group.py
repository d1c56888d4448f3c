"""The "Editors" group, with exactly the permissions editors need (DESIGN §6).

Editors keep the collection current in the admin: families, revisions, clauses, sources,
votes, amendments and events. They choose countries from the controlled list but do not
change it, see the collection's description but do not edit it, and never manage users.

The link and child models (proposers, sponsorships, sources of a clause...) are edited
through inlines under their parent, and the admin checks each inline model's own
permissions: without add/change/delete on Proposer, an editor could open a clause but not
add, change or remove its proposers, and the inline would silently show read-only.

The list is written out here rather than imported, because a migration must keep meaning
the same thing when the app's code changes later. tests/test_editors.py reads it from here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Editors"

EDITED_MODELS = [
    "resolution",
    "revision",
    "clause",
    "source",
    "vote",
    "amendment",
    "event",
    # Edited through inlines under their parent (see above).
    "proposer",
    "sponsorship",
    "penholder",
    "ballot",
    "revisionsource",
    "clausesource",
    "votesource",
    "amendmentsource",
    "eventsource",
]
VIEWED_MODELS = ["country", "collection"]

EDITOR_PERMISSIONS = sorted(
    [f"{action}_{model}" for model in EDITED_MODELS for action in ("add", "change", "delete", "view")]
    + [f"view_{model}" for model in VIEWED_MODELS]
)


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after migrating, by a post_migrate signal, so on a
    # fresh database they do not exist yet: create them now, for the models as they stand
    # at this migration. create_permissions skips apps without a models module, which the
    # migration state's app configs never have; setting it lets the function run, and the
    # signal later finds the permissions already there.
    db_alias = schema_editor.connection.alias
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=db_alias)
    finally:
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db_alias).filter(
        content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS
    )
    found = sorted(permissions.values_list("codename", flat=True))
    if found != EDITOR_PERMISSIONS:
        missing = sorted(set(EDITOR_PERMISSIONS) - set(found))
        raise RuntimeError(f"Permissions missing for the Editors group: {', '.join(missing)}")
    group, _ = Group.objects.using(db_alias).get_or_create(name=GROUP_NAME)
    group.permissions.set(permissions)


def delete_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timeline", "0002_revision_published_version"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, delete_editors_group),
    ]
