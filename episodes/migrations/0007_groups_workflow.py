"""The editors', moderators' and administrators' groups, and the association's approval workflow.

Page permissions sit on the tree's root (depth 1), so they cover the pages load_initial_data and
editors create later. The workflow replaces Wagtail's default « Moderators approval » on the root;
going back restores it. Running it twice changes nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS, MODERATORS, ADMINISTRATORS = "Rédaction", "Validation association", "Administration"
WORKFLOW_NAME = "Validation association"
DEFAULT_WORKFLOW_NAME = "Moderators approval"
SNIPPETS = ("audiofile", "theme", "association", "person", "event")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ("publish_page", "lock_page", "unlock_page")
ALL_PAGE_PERMISSIONS = MODERATOR_PAGE_PERMISSIONS + ("bulk_delete_page",)
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
ALL_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + (
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
)


def ensure_permissions(apps):
    """Django creates permissions after all migrations; this migration needs them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def editor_model_permissions(apps):
    """Admin access, and adding and editing audio, themes, associations, people and events."""
    codenames = [f"{verb}_{model}" for model in SNIPPETS for verb in ("add", "change", "view")]
    return [permission(apps, "wagtailadmin", "access_admin")] + [
        permission(apps, "episodes", codename) for codename in codenames
    ]


def give(apps, group, model_permissions, page_permissions, collection_permissions):
    """Grants a group model permissions, page permissions on the root, collection permissions."""
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group.permissions.add(*model_permissions)
    root_page = Page.objects.get(depth=1)
    for codename in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, codename in collection_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=permission(apps, app_label, codename),
        )


def create_groups(apps):
    """The three groups with their permissions; returns the moderators' group."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor_permissions = editor_model_permissions(apps)
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    give(apps, editors, editor_permissions, EDITOR_PAGE_PERMISSIONS, EDITOR_COLLECTION_PERMISSIONS)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    give(
        apps,
        moderators,
        editor_permissions,
        MODERATOR_PAGE_PERMISSIONS,
        EDITOR_COLLECTION_PERMISSIONS,
    )
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    give(
        apps,
        administrators,
        list(Permission.objects.all()),
        ALL_PAGE_PERMISSIONS,
        ALL_COLLECTION_PERMISSIONS,
    )
    return moderators


def create_workflow(apps, moderators):
    """The approval workflow, on the root page in place of Wagtail's default one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    AssociationApprovalTask = apps.get_model("episodes", "AssociationApprovalTask")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="episodes", model="associationapprovaltask"
    )
    task, _created = AssociationApprovalTask.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )


def forwards(apps, schema_editor):
    ensure_permissions(apps)
    create_workflow(apps, create_groups(apps))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    AssociationApprovalTask = apps.get_model("episodes", "AssociationApprovalTask")
    default = Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME).first()
    root = Page.objects.get(depth=1)
    if default:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": default})
    else:
        WorkflowPage.objects.filter(page=root).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    AssociationApprovalTask.objects.filter(name=WORKFLOW_NAME).delete()
    Group.objects.filter(name__in=[EDITORS, MODERATORS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("episodes", "0006_speaker_consent_approval_task"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailcore", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailimages", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
