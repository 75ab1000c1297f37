"""Settings: production refuses to start without its secrets; the admin speaks French."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    """Run manage.py in a fresh process with the given environment variables."""
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="radio.settings.production", ALLOWED_HOSTS="x")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DJANGO_SETTINGS_MODULE="radio.settings.production", SECRET_KEY="k")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_deploy_check_gives_no_warning_when_configured():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="radio.settings.production",
        SECRET_KEY="k" * 20 + "-radio-des-territoires-production-secret-key-0123456789",
        ALLOWED_HOSTS="radio.example.org",
        PUBLIC_BASE_URL="https://radio.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr


def test_site_is_french_and_on_paris_time():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_admin_login_page_is_in_french(client, db):
    html = client.get("/admin/login/").content.decode()
    assert "Se connecter" in html or "Connexion" in html
    assert 'lang="fr"' in html


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set: no Redis cache")
def test_redis_cache_is_used_when_redis_url_is_set():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("radio-test-key", "écouté", 30)
    assert cache.get("radio-test-key") == "écouté"
    cache.delete("radio-test-key")


def test_database_url_picks_the_database():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite3"
    )
    assert settings.DATABASES["default"]["ENGINE"].endswith(expected)


def setting_in_fresh_process(expression, **env):
    """A setting as a new process reads it from the environment (settings only, no app)."""
    code = f"from django.conf import settings; print({expression})"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "radio.settings.dev", **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_elasticsearch_url_switches_search_to_elasticsearch():
    backend = "settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']"
    assert setting_in_fresh_process(backend).endswith("backends.database")
    switched = setting_in_fresh_process(backend, ELASTICSEARCH_URL="http://127.0.0.1:9200")
    assert switched == "wagtail.search.backends.elasticsearch8"


def test_bucket_name_switches_uploads_to_object_storage():
    backend = "settings.STORAGES['default']['BACKEND']"
    assert setting_in_fresh_process(backend) == "radio.storage.LocalMediaStorage"
    switched = setting_in_fresh_process(backend, AWS_STORAGE_BUCKET_NAME="radio-audio")
    assert switched == "radio.object_storage.ObjectStorage"


def test_redis_url_switches_the_cache_to_redis_that_degrades():
    backend = "settings.CACHES['default']['BACKEND']"
    assert setting_in_fresh_process(backend, REDIS_URL="").endswith("LocMemCache")
    switched = setting_in_fresh_process(backend, REDIS_URL="redis://127.0.0.1:6379/0")
    assert switched == "radio.cache.ResilientRedisCache"
