"""Fixtures of the production stack: one for the whole folder (a private PostgreSQL, gunicorn,
nginx and the task worker, as deploy/ ships them), started once; an HTTP client for it.

Without nginx or PostgreSQL's programs the tests skip on a developer's machine and fail under
CI (CI set), where .ci/run installs them: skipped, they would prove nothing.
"""

import tempfile

import pytest
import requests

from tests.browser import unavailable
from tests.production.helpers import PrivatePostgres, Stack, nginx_binary, postgres_bin_dir

NGINX_MISSING = "nginx introuvable : apt-get install nginx (les tests de production en ont besoin)"
POSTGRES_MISSING = "PostgreSQL introuvable (initdb, pg_ctl) : apt-get install postgresql"


@pytest.fixture(scope="package")
def private_postgres():
    """A PostgreSQL server of the tests' own, which they may stop and start again."""
    if postgres_bin_dir() is None:
        unavailable(POSTGRES_MISSING)
    server = PrivatePostgres()
    server.create()
    yield server
    server.remove()


@pytest.fixture(scope="package")
def stack(private_postgres):
    """The demo served by radio.settings.production: nginx → gunicorn, and the task worker."""
    if nginx_binary() is None:
        unavailable(NGINX_MISSING)
    with tempfile.TemporaryDirectory(prefix="radio-stack-") as folder:
        running = Stack(private_postgres.url, folder)
        running.prepare()
        running.start()
        yield running
        running.stop()


@pytest.fixture
def http():
    """A fresh HTTP client (cookies of its own), as a visitor's browser or a podcast app."""
    with requests.Session() as session:
        yield session
