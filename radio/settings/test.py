"""The test suite's settings (pytest): debug off as in production, fast password hashing, a
test-only key. The cache is base's: local memory, or Redis when REDIS_URL is given (CI's second
pass sets it so that the Redis cache is tested for real)."""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, redis_cache

DEBUG = False
SECRET_KEY = "django-insecure-test-only-radio-des-territoires"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "[::1]"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The import tests' podcast hosts run on 127.0.0.1; the tests of the address check turn this off.
IMPORT_ALLOW_PRIVATE_ADDRESSES = True

# Every recorded audio request is written at once, so that tests read it back.
AUDIENCE_HITS_PER_WRITE = 1

# Tasks run at once, in the test's own transaction; tests/production runs the real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The live server's thread shares the in-memory test database's one connection: explicit
    # BEGIN IMMEDIATE from two threads on it collide. The concurrent import test runs its
    # processes on radio.settings.dev, with base's options, on a file database.
    DATABASES["default"]["OPTIONS"].pop("transaction_mode")

# `make test` runs two test processes (pytest-xdist's gw0, gw1): each empties the cache before
# every test (Redis FLUSHDB), so each gets a Redis database of its own, and so do the servers
# it starts (gunicorn, the task worker), which inherit REDIS_URL.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and WORKER.startswith("gw"):
    parts = urlsplit(REDIS_URL)
    first = int(parts.path.strip("/") or 0)
    REDIS_URL = parts._replace(path=f"/{(first - int(WORKER[2:])) % 16}").geturl()
    os.environ["REDIS_URL"] = REDIS_URL
    CACHES = {"default": redis_cache(REDIS_URL)}
