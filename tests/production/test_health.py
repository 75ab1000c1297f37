"""The health endpoint through nginx while the database goes away and comes back: 503, then 200
again, and no page of any gunicorn worker fails after the restart (CONN_HEALTH_CHECKS); the 500s
of the outage are on stderr with their path and traceback."""

import time

CHECKS = {"database", "cache", "storage", "worker"}
ENQUEUE_HEARTBEAT = """
from operations.jobs import record_heartbeat
print(record_heartbeat.enqueue().id)
"""
TASK_STATUS = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.get(pk=%r).status)
"""


def health(stack, http):
    response = http.get(stack.url + "/health/")
    return response.status_code, response.json()


def test_health_is_200_with_every_check_while_the_stack_runs(stack, http):
    deadline = time.monotonic() + 60  # the first heartbeat comes within a second of the worker
    while (answer := health(stack, http)) != (
        200,
        {"status": "ok", "checks": dict.fromkeys(CHECKS, "ok")},
    ):
        assert time.monotonic() < deadline, answer
        time.sleep(0.5)


def test_health_turns_503_while_the_database_is_stopped_and_200_after(
    stack, http, private_postgres
):
    for _ in range(4):  # every gunicorn worker holds a connection now
        assert http.get(stack.url + "/").status_code == 200
    private_postgres.stop()
    try:
        status, body = health(stack, http)
        assert status == 503 and body["status"] == "error"
        assert body["checks"]["database"] == "error" and set(body["checks"]) == CHECKS
        assert "postgres" not in str(body) and str(private_postgres.port) not in str(body)
        failing = http.get(stack.url + "/podcasts/radio-des-territoires/")
        assert failing.status_code == 500 and "Traceback" not in failing.text
    finally:
        private_postgres.start()
    assert_logged_on_stderr(stack.log("gunicorn"))
    status, body = health(stack, http)
    assert status == 200 and body["checks"]["database"] == "ok"
    for _ in range(6):  # no worker answers a 500 with its stale connection
        assert http.get(stack.url + "/").status_code == 200
    task_id = stack.python(ENQUEUE_HEARTBEAT).strip()
    deadline = time.monotonic() + 60  # the task worker waited for the database: it runs tasks
    while stack.python(TASK_STATUS % task_id).strip() != "SUCCESSFUL":
        assert time.monotonic() < deadline, stack.log("worker")[-3000:]
        time.sleep(1)


def assert_logged_on_stderr(log):
    """The 500 of the outage, on gunicorn's stderr with its path and traceback (kept in this
    test: the test processes share no server, so another test could not read it)."""
    assert "ERROR django.request" in log
    assert "Internal Server Error: /podcasts/radio-des-territoires/" in log
    assert "Traceback (most recent call last)" in log and "OperationalError" in log
