"""The « Association partenaire » group (admin access, no page permission: its members see only
their associations' figures), and the audience permissions of the radio's own groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PARTNERS = "Association partenaire"
TEAM = ("Rédaction", "Validation association", "Administration")
MEMBERSHIP_PERMISSIONS = tuple(
    f"{verb}_partnermembership" for verb in ("add", "change", "delete", "view")
)


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    partners, _created = Group.objects.get_or_create(name=PARTNERS)
    partners.permissions.add(permission(apps, "wagtailadmin", "access_admin"))
    for name in TEAM:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission(apps, "audience", "view_audience"))
    administrators = Group.objects.get(name="Administration")
    administrators.permissions.add(
        *(permission(apps, "audience", codename) for codename in MEMBERSHIP_PERMISSIONS)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PARTNERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audience", "0001_audience_figures"),
        ("episodes", "0007_groups_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
