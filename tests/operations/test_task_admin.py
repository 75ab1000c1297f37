"""Administrators see the failed background tasks in French, with why they failed; a task that
may pass later is tried again; an editor sees none of it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from episodes.tasks import make_feed_renditions
from tests.factories import EDITORS, make_member

TASKS_URL = "/admin/background-tasks/"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_task_is_tried_again_then_shown_to_administrators_in_french(
    administrator_client, database_tasks, caplog
):
    make_feed_renditions.enqueue([1], "not-a-filter-spec")  # no such image: nothing to make
    make_feed_renditions.enqueue("pas une liste", "max-10x10")  # fails every time
    call_command("db_worker", batch=True, verbosity=0)
    failures = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert failures.count() == 1
    [retry] = waiting
    assert retry.run_after - retry.enqueued_at > datetime.timedelta(seconds=50)
    for _attempt in (2, 3):
        waiting.update(run_after=timezone.now())  # a minute later
        call_command("db_worker", batch=True, verbosity=0)
    assert failures.count() == 3 and not waiting.exists()  # three attempts, each recorded
    assert "tried again" in caplog.text
    home = administrator_client.get("/admin/").content.decode()
    assert "3 tâches ont échoué" in home and TASKS_URL in home
    page = administrator_client.get(TASKS_URL).content.decode()
    assert "Tâches en arrière-plan" in page and "Pochettes des flux" in page
    assert "ValueError" in page or "TypeError" in page


def test_an_editor_cannot_see_the_background_tasks(client, django_user_model):
    client.force_login(make_member(django_user_model, "redactrice", EDITORS))
    assert client.get(TASKS_URL).status_code in (302, 403)
    assert TASKS_URL not in client.get("/admin/").content.decode()
