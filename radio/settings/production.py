"""Production: refuses to start without its secrets; HTTPS when the public address is https;
hashed static files; logs on stderr with the traceback of every 500; mail through SMTP.

`make serve-prod` and the systemd units of deploy/ run with these settings, behind nginx
(deploy/nginx.conf): what is tested in tests/production/ is what is shipped.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ADMINS, ALLOWED_HOSTS, LOG_LEVEL, PUBLIC_BASE_URL, SECRET_KEY, STORAGES

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

# nginx says which scheme the visitor used. A public address in https (every real deployment)
# turns on the redirect, HSTS and secure cookies; an http one (make serve-prod on 127.0.0.1) has
# no TLS to send visitors to.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HTTPS = PUBLIC_BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS

# Hashed names (app.3f2a1c9b.css): nginx serves them with a year-long cache lifetime.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# Everything on stderr, which systemd's journal (or the terminal of make serve-prod) keeps.
# django.request logs every 500 with its path and traceback; ADMINS also get it by mail.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "django.request": {
            "handlers": ["stderr", *(["mail_admins"] if ADMINS else [])],
            "level": "ERROR",
            "propagate": False,
        },
        "django.server": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django_tasks": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        "django_tasks_db": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        **{
            name: {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False}
            for name in ("episodes", "search", "radio", "operations")
        },
    },
}
