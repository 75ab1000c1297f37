"""The periodic jobs: what runs on the worker every minute or every day, and the scheduler's
one decision, which of them are due.

`manage.py schedule_jobs` (each minute from the systemd timer, or in a loop under `make run` and
`make serve-prod`) enqueues the jobs that are due; the worker (`manage.py db_worker`) runs them.
A job is due when none of its runs is waiting and the latest was enqueued at least `every` ago,
so a stopped worker does not pile up runs, and a missed minute or a restart loses none.
"""

import datetime
import logging
from dataclasses import dataclass

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db.models import Max
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("operations")

MINUTE, DAY = datetime.timedelta(minutes=1), datetime.timedelta(days=1)
# Ticks of a minute come a little early or late: a job is due up to this much before its time.
TICK_SLACK = datetime.timedelta(seconds=30)
# How long finished task rows are kept: long enough for administrators to see failures.
SUCCEEDED_KEPT, FAILED_KEPT = datetime.timedelta(days=2), datetime.timedelta(days=30)


@task()
def publish_scheduled_pages():
    """Publish the pages whose scheduled time has come (and unpublish the expired ones)."""
    call_command("publish_scheduled", verbosity=0)


@task()
def record_heartbeat():
    """Does nothing: its finishing time proves that the worker runs (read by the health check)."""
    return timezone.now().isoformat()


@task()
def clean_up():
    """Forget what is no longer needed: expired sessions, old finished task rows."""
    Session.objects.filter(expire_date__lt=timezone.now()).delete()
    now = timezone.now()
    finished = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
    finished.filter(finished_at__lt=now - SUCCEEDED_KEPT).delete()
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    failed.filter(finished_at__lt=now - FAILED_KEPT).delete()


@dataclass(frozen=True)
class PeriodicJob:
    """A task enqueued without arguments every so often."""

    task: Task
    every: datetime.timedelta


# The one list of periodic jobs: add a job here (a @task taking no argument) and it runs.
PERIODIC_JOBS = [
    PeriodicJob(publish_scheduled_pages, MINUTE),
    PeriodicJob(record_heartbeat, MINUTE),
    PeriodicJob(clean_up, DAY),
]


def due_jobs(jobs=PERIODIC_JOBS, now=None):
    """The jobs to enqueue now."""
    now = now or timezone.now()
    rows = DBTaskResult.objects.filter(task_path__in=[job.task.module_path for job in jobs])
    waiting = set(
        rows.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]).values_list(
            "task_path", flat=True
        )
    )
    latest = dict(
        rows.order_by()
        .values("task_path")
        .annotate(at=Max("enqueued_at"))
        .values_list("task_path", "at")
    )
    return [
        job
        for job in jobs
        if job.task.module_path not in waiting
        and (
            job.task.module_path not in latest
            or now - latest[job.task.module_path] >= job.every - TICK_SLACK
        )
    ]


def enqueue_due_jobs(jobs=PERIODIC_JOBS):
    """Enqueue the periodic jobs that are due; their names."""
    names = []
    for job in due_jobs(jobs):
        job.task.enqueue()
        names.append(job.task.name)
    return names
