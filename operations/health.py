"""/health/: is this instance able to serve? For load balancers, systemd and monitoring.

Database and storage are essential: without them the answer is 503. The cache and the worker
degrade the service without stopping it (pages are served without cache, imports and scheduled
publications wait): 200 with "degraded", so a balancer does not take a working site out.
The answer names each check and its state, never an error message (it could hold a secret).
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from operations.jobs import MINUTE, record_heartbeat

logger = logging.getLogger("operations")

ESSENTIAL = ("database", "storage")
# The heartbeat is enqueued every minute: three missed in a row mean the worker is not running.
HEARTBEAT_MAX_AGE = 3 * MINUTE


def database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_ok():
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    found = cache.get(key)
    cache.delete(key)
    return found == value


def storage_ok():
    """A small file written and deleted: catches a full or read-only disk and bad credentials."""
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)
    return True


def worker_ok():
    """The latest heartbeat ran recently (no worker is needed when tasks run at once)."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return True
    heartbeats = DBTaskResult.objects.filter(
        task_path=record_heartbeat.module_path, status=TaskResultStatus.SUCCESSFUL
    )
    latest = heartbeats.order_by("-finished_at").values_list("finished_at", flat=True).first()
    return latest is not None and timezone.now() - latest <= HEARTBEAT_MAX_AGE


CHECKS = {"database": database_ok, "cache": cache_ok, "storage": storage_ok, "worker": worker_ok}


def run_checks():
    """{check name: "ok" or "error"}; each failure is logged with its reason."""
    states = {}
    for name, check in CHECKS.items():
        try:
            passed = check()
        except Exception:
            logger.exception("Health check %s failed.", name)
            passed = False
        states[name] = "ok" if passed else "error"
    return states


@never_cache
@require_safe
def health(request):
    """200 {"status": "ok" or "degraded", "checks": …}, or 503 with "error" when the database
    or the storage cannot be used."""
    checks = run_checks()
    failed = [name for name, state in checks.items() if state != "ok"]
    if any(name in ESSENTIAL for name in failed):
        status, code = "error", 503
    else:
        status, code = ("degraded" if failed else "ok"), 200
    return JsonResponse({"status": status, "checks": checks}, status=code)
