"""/health/ for load balancers and monitoring: 200 when the instance can serve, "degraded" when
the cache or the worker is out, 503 when the database or the storage cannot be used; JSON that
names each check and leaks no error message."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from operations.jobs import record_heartbeat
from radio.settings.base import redis_cache


def test_health_is_ok_when_everything_answers(client, db):
    response = client.get("/health/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_storage_cannot_be_written(client, db, settings, tmp_path):
    not_a_folder = tmp_path / "media"
    not_a_folder.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = not_a_folder
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error" and response.json()["checks"]["storage"] == "error"
    assert str(tmp_path) not in response.content.decode()


def test_health_is_degraded_but_200_when_redis_is_out(client, db, settings, redis_server):
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    redis_server.stop()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "error"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_reports_a_worker_without_a_recent_heartbeat(client, database_tasks):
    assert client.get("/health/").json()["checks"]["worker"] == "error"  # never ran
    record_heartbeat.enqueue()
    call_command("db_worker", batch=True, verbosity=0)
    assert client.get("/health/").json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker": "ok"},
    }
    DBTaskResult.objects.update(finished_at=timezone.now() - datetime.timedelta(minutes=4))
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["status"] == "degraded"
