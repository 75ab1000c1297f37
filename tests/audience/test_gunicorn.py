"""A real gunicorn serves audio to apps on loopback; its hits are aggregated and audience_report
prints them. The site runs on a database of its own (a file, or a throwaway PostgreSQL database
when DATABASE_URL is PostgreSQL), apart from the test database."""

import csv
import http.client
import io
import os
import subprocess
import sys

import pytest

from tests.audience.helpers import ANTENNAPOD, APPLE_PODCASTS, GOOGLEBOT
from tests.bench.servers import free_port, running

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETUP = """
from tests import factories
home = factories.make_home()
show = factories.make_show(parent=home)
audio = factories.make_audio(title="Réemploi", seconds=90, bitrate=32, sample_rate=22050)
episode = factories.make_episode(show=show, title="Le réemploi solidaire", audio=audio)
print(episode.guid, episode.audio.size)
"""


@pytest.fixture
def site_env(tmp_path):
    """The environment of a site with its own database and media folder, migrated."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "radio.settings.test",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TRUSTED_PROXIES": "",
    }
    url = os.environ.get("DATABASE_URL", "")
    name = None
    if url.startswith("postgres"):
        import psycopg

        name = f"radio_gunicorn_{os.getpid()}"
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin.replace("postgres://", "postgresql://"), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + f"/{name}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path}/site.sqlite3"
    manage(env, "migrate", "--noinput", "-v0")
    yield env
    if name:
        with psycopg.connect(admin.replace("postgres://", "postgresql://"), autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env, *arguments):
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def get(port, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_gunicorn_records_hits_that_audience_report_prints(site_env):
    guid, size = manage(site_env, "shell", "-c", SETUP).split()[-2:]
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "radio.wsgi", "-w", "2"]
    command += ["-b", f"127.0.0.1:{port}", "--chdir", ROOT]
    env = {**site_env, "DJANGO_SETTINGS_MODULE": "radio.settings.test"}
    path = f"/audio/{guid}.mp3"
    with running(command, port, env=env):
        assert get(port, path, {"User-Agent": APPLE_PODCASTS, "Range": "bytes=0-1"}) == 206
        assert get(port, path, {"User-Agent": APPLE_PODCASTS, "Range": "bytes=0-"}) == 206
        assert get(port, path, {"User-Agent": ANTENNAPOD}) == 200
        assert get(port, path, {"User-Agent": GOOGLEBOT}) == 200
        half = int(size) // 3
        assert get(port, path, {"User-Agent": "Deezer/7.0", "Range": f"bytes=0-{half}"}) == 206
    manage(site_env, "aggregate_downloads")
    rows = list(csv.reader(io.StringIO(manage(site_env, "audience_report", "--format", "csv"))))
    assert rows == [
        ["guid", "title", "downloads", "listeners"],
        [guid, "Le réemploi solidaire", "2", "2"],
    ]
