"""The scheduler enqueues each periodic job once per period: not again while a run waits for
the worker, again once its period has passed, and a daily job only daily."""

import datetime

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from operations.jobs import PERIODIC_JOBS, clean_up, enqueue_due_jobs, publish_scheduled_pages


def enqueued(task):
    return DBTaskResult.objects.filter(task_path=task.module_path).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_periodic_job_is_enqueued_once_per_period(database_tasks):
    assert set(enqueue_due_jobs()) == {job.task.name for job in PERIODIC_JOBS}
    assert enqueue_due_jobs() == []  # their runs wait for the worker
    call_command("db_worker", batch=True, verbosity=0)
    assert enqueue_due_jobs() == []  # run, but less than a minute ago
    DBTaskResult.objects.update(
        enqueued_at=DBTaskResult.objects.get(task_path=clean_up.module_path).enqueued_at
        - datetime.timedelta(minutes=1)
    )
    assert "publish_scheduled_pages" in enqueue_due_jobs()
    assert enqueued(publish_scheduled_pages) == 2 and enqueued(clean_up) == 1
