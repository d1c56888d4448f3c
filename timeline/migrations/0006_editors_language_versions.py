"""Editors also edit a revision's other language versions (inline under the revision),
so the "Editors" group gets the same four permissions on them as on clauses (see
0003_editors_group for why inline models need their own permissions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Editors"
EDITED_MODELS = ["languageversion"]
EDITOR_PERMISSIONS = sorted(
    f"{action}_{model}" for model in EDITED_MODELS for action in ("add", "change", "delete", "view")
)


def grant(apps, schema_editor):
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
    if sorted(permissions.values_list("codename", flat=True)) != EDITOR_PERMISSIONS:
        raise RuntimeError("Permissions missing for the Editors group on language versions")
    group, _ = Group.objects.using(db_alias).get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db_alias = schema_editor.connection.alias
    for group in Group.objects.using(db_alias).filter(name=GROUP_NAME):
        group.permissions.remove(
            *Permission.objects.using(db_alias).filter(
                content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):

    dependencies = [
        ("timeline", "0005_languages_and_lineage"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
