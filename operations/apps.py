from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """How the radio runs unattended: background tasks and their schedule, the health endpoint,
    the administrators' view of failed tasks. It has no models of its own: tasks are the rows of
    django-tasks-db."""

    name = "operations"
    verbose_name = _("Exploitation")
