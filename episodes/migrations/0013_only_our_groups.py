"""Only our groups: Wagtail's default « Moderators » and « Editors » groups, and its « Moderators
approval » workflow and task, are removed (0007 put ours on the root). Their members, if any, join
« Validation association » and « Rédaction », so nobody loses a right. Going back does nothing."""

from django.conf import settings
from django.db import migrations

OURS = {"Moderators": "Validation association", "Editors": "Rédaction"}
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_workflow(apps):
    """Deleted when never used; else only deactivated, so that its history stays readable."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
        else:
            workflow.delete()
    for task in Task.objects.filter(name=DEFAULT_WORKFLOW):
        if TaskState.objects.filter(task=task).exists():
            Task.objects.filter(pk=task.pk).update(active=False)
        else:
            task.delete()


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    remove_default_workflow(apps)
    for default_name, our_name in OURS.items():
        default = Group.objects.filter(name=default_name).first()
        ours = Group.objects.filter(name=our_name).first()
        if default is None:
            continue
        if ours is not None:
            for user in User.objects.filter(groups=default):
                user.groups.add(ours)
        default.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("episodes", "0012_unique_source_guid_per_show"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("wagtailcore", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
