"""Settings shared by every environment; with storage.py, the only place that reads environment
variables."""

import os
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "radio"


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [PUBLIC_BASE_URL]

INSTALLED_APPS = [
    "episodes",
    "search",
    "audience",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app, its user form showing what each group may do (episodes/editor/users.py).
    "episodes.editor.users_app.RadioUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "operations",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Its French: Wagtail's admin says « il y a 2 minutes » through humanize's naturaltime.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "radio.middleware.SecurityHeadersMiddleware",
    # Feeds, audio, transcripts and chapters skip the rest (radio/public_endpoints.py).
    "radio.public_endpoints.PublicEndpointMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "radio.storage.StorageFullMiddleware",
]

# Security headers of public pages (radio/middleware.py); the admin is left as Wagtail needs it.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Origins besides our own that audio and images may come from (object storage, CDN).
CSP_MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")

ROOT_URLCONF = "radio.urls"
WSGI_APPLICATION = "radio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "radio.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A connection kept across requests is checked first: after a database restart the next
        # request reconnects instead of failing with a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers at once (the site, an import in the admin, one on the command line): a
    # transaction takes the write lock when it begins, and waits for it (up to 20 s) instead of
    # failing with "database is locked"; readers do not wait for writers (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The cache on Redis at url: a miss while Redis is out, never an error (radio/cache.py).
    Short socket timeouts: a Redis that hangs delays one request by a second at most, then is
    left alone until its next try, instead of holding every request for minutes."""
    return {
        "BACKEND": "radio.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "radio",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0, "retry_seconds": 5},
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
# Our French for Wagtail's unfinished strings (radio/locale/fr): LOCALE_PATHS win over the apps'.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGES = [("fr", _("Français"))]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Where uploads live and how audio reaches listeners (local files, an S3 bucket; x-accel…).
from radio.settings.storage import *  # noqa: E402, F403

# Proxies (addresses or networks, comma-separated) whose X-Forwarded-For names the listener;
# empty: REMOTE_ADDR is the listener and any X-Forwarded-For is ignored (audience/client.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# "off" stops recording audio requests (audience figures), e.g. to measure what recording costs.
AUDIENCE_RECORDING = os.environ.get("AUDIENCE_RECORDING", "on") != "off"
# Audio requests each process writes at once (audience/recording.py); the test settings write each.
AUDIENCE_HITS_PER_WRITE = 200

# Uploads above this size are streamed to a temporary file, never held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The episode editor sends the transcript as text: up to 5 MB, like an uploaded transcript file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# Largest audio file an editor may upload, in megabytes.
AUDIO_MAX_UPLOAD_MB = int(os.environ.get("AUDIO_MAX_UPLOAD_MB", "500"))

# Importing an existing podcast: seconds a host may stay silent before a download is given up;
# seconds a whole download may last (a feed, image or document; an audio file); whether hosts on
# private networks (127.0.0.1, 10.0.0.0/8, fd00::/8…) may be imported from (off: public
# Internet addresses only).
PODCAST_IMPORT_TIMEOUT = 30
IMPORT_FEED_DEADLINE = int(os.environ.get("IMPORT_FEED_DEADLINE", "120"))
IMPORT_MEDIA_DEADLINE = int(os.environ.get("IMPORT_MEDIA_DEADLINE", "600"))
IMPORT_ALLOW_PRIVATE_ADDRESSES = os.environ.get("IMPORT_ALLOW_PRIVATE_ADDRESSES", "") in (
    "1",
    "true",
    "yes",
    "on",
)

# Background work (imports, search index, renditions, periodic jobs): django-tasks with its
# database backend, run by `manage.py db_worker`; no broker to install. Tests run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail: errors go to ADMINS ("Name <address>" or addresses, comma-separated); workflow mails and
# password resets leave from DEFAULT_FROM_EMAIL through the SMTP server below.
ADMINS = [getaddresses([item])[0] for item in env_list("ADMINS")]
MANAGERS = ADMINS
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or "radio@localhost"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or SERVER_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "true"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_SUBJECT_PREFIX = "[Radio des Territoires] "
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Logs: level of the project's own loggers on stderr (production; see settings/production.py).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")

# A cache or CDN in front (episodes/announce/): what an episode appears in is purged when it is
# published, unpublished or a snippet it shows is edited. Through Wagtail's frontend_cache backends
# (not its app, whose own handlers would purge the page alone): an HTTP purge endpoint (Varnish,
# nginx, Fastly…) taking PURGE requests, Cloudflare (zone and API token), CloudFront (distribution;
# AWS credentials from the environment, as boto3 reads them).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# WebSub hubs told of every feed that changed, and announced in the feeds (atom:link rel="hub").
WEBSUB_HUBS = env_list("WEBSUB_HUBS")

WAGTAIL_SITE_NAME = "Radio des Territoires"
# No Gravatar: it would send a hash of every editor's e-mail address to a third party, and the
# admin's Content-Security-Policy blocks it anyway (a broken image). Wagtail draws its own avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAIL_I18N_ENABLED = False
# New page slugs are ASCII (« economie-circulaire »): shared links then read the same everywhere.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # French stemming without accents; the configuration comes from search/migrations/0001.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
# Elasticsearch or OpenSearch for scale (install the "search" extra); then: manage.py update_index.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "radio"),
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": {
            "settings": {"analysis": {"analyzer": {"default": {"type": "french"}}}},
        },
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
