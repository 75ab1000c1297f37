"""make bench's production stack: radio.settings.production plus the reference views of
tests/bench/urls.py, served by the same gunicorn behind the same nginx."""

from radio.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
