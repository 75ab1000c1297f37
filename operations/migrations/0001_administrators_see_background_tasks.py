"""The « Administration » group sees the background tasks page (failed tasks and why)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATORS = "Administration"


def forwards(apps, schema_editor):
    tasks_app = apps.get_app_config("django_tasks_database")
    tasks_app.models_module = True
    create_permissions(tasks_app, apps=apps, verbosity=0)
    tasks_app.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(
        content_type__app_label="django_tasks_database", codename="view_dbtaskresult"
    )
    for group in Group.objects.filter(name=ADMINISTRATORS):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("episodes", "0007_groups_workflow"),
        ("django_tasks_database", "0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
