"""« Tâches en arrière-plan », for administrators: the failed tasks with when and why, the ones
waiting, and a warning on the admin home while some failed in the last week."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

PERMISSION = "django_tasks_database.view_dbtaskresult"
LISTED = 50
RECENT = datetime.timedelta(days=7)
# What each task does, in the administrators' words; others show their Python name.
TASK_LABELS = {
    "episodes.importer.background.import_podcast": _("Import d'un podcast"),
    "episodes.tasks.make_feed_renditions": _("Pochettes des flux"),
    "modelsearch.tasks.insert_or_update_object_task": _("Index de la recherche"),
    "wagtail.tasks.update_reference_index_task": _("Index des références"),
    "wagtail.tasks.delete_file_from_storage_task": _("Suppression d'un fichier"),
    "operations.jobs.publish_scheduled_pages": _("Publication programmée"),
    "operations.jobs.record_heartbeat": _("Signal de vie du traitement en arrière-plan"),
    "operations.jobs.clean_up": _("Nettoyage"),
}


def task_label(task_path):
    return TASK_LABELS.get(task_path, task_path.rsplit(".", 1)[-1])


def failure_reason(traceback):
    """The last line of a traceback: the exception and its message."""
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def recent_failures(now=None):
    since = (now or timezone.now()) - RECENT
    return DBTaskResult.objects.filter(status=TaskResultStatus.FAILED, finished_at__gte=since)


class TaskResultsView(WagtailAdminTemplateMixin, TemplateView):
    """The latest failed tasks and how many wait for the worker."""

    template_name = "operations/admin/task_results.html"
    page_title = _("Tâches en arrière-plan")
    header_icon = "cogs"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
        context["failures"] = [
            {
                "label": task_label(result.task_path),
                "finished_at": result.finished_at,
                "reason": failure_reason(result.traceback),
                "arguments": result.args_kwargs,
            }
            for result in failed.order_by("-finished_at")[:LISTED]
        ]
        context["waiting"] = DBTaskResult.objects.ready().count()
        context["running"] = DBTaskResult.objects.running().count()
        return context


class FailedTasksPanel(Component):
    """On the admin home of administrators: how many tasks failed this week."""

    name = "failed_tasks"
    order = 50
    template_name = "operations/admin/failed_tasks_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse_lazy("background_tasks")}


class TasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def admin_urls():
    return [path("background-tasks/", TaskResultsView.as_view(), name="background_tasks")]


def menu_item():
    return TasksMenuItem(
        _("Tâches en arrière-plan"), reverse_lazy("background_tasks"), icon_name="cogs", order=900
    )
