"""The test suite's settings (pytest): debug off as in production, fast password hashing, a
test-only key. The cache is base's: local memory, or Redis when REDIS_URL is given (CI's second
pass sets it so that the Redis cache is tested for real)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "django-insecure-test-only-radio-des-territoires"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "[::1]"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, in the test's own transaction; tests/production runs the real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
