"""The health endpoint through nginx while the database goes away and comes back: 503, then 200
again, and no page of any gunicorn worker fails after the restart (CONN_HEALTH_CHECKS); the 500s
of the outage are on stderr with their path and traceback."""

import time

CHECKS = {"database", "cache", "storage", "worker"}


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
    status, body = health(stack, http)
    assert status == 200 and body["checks"]["database"] == "ok"
    for _ in range(6):  # no worker answers a 500 with its stale connection
        assert http.get(stack.url + "/").status_code == 200


def test_every_500_is_logged_on_stderr_with_its_path_and_traceback(stack):
    log = stack.log("gunicorn")  # the 500s of the test above, while the database was stopped
    assert "ERROR django.request" in log
    assert "Internal Server Error: /podcasts/radio-des-territoires/" in log
    assert "Traceback (most recent call last)" in log and "OperationalError" in log
