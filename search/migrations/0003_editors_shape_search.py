"""The editors' and moderators' groups may keep the synonyms and the promoted search results,
and read the report of searches that found little (Administration has every permission)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Rédaction", "Validation association", "Administration")
PERMISSIONS = [
    ("search", f"{verb}_synonymgroup") for verb in ("add", "change", "delete", "view")
] + [
    ("wagtailsearchpromotions", f"{verb}_searchpromotion")
    for verb in ("add", "change", "delete", "view")
] + [("search", "view_searchgap")]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_vocabulary_synonyms_gaps"),
        ("episodes", "0007_groups_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
