"""Shared fixtures: uploads go to a temporary media folder, every test starts with an empty
cache; a site with a home page and a show; the demo content; clients logged in as members of the
migrated groups (pytest-django's admin_client is the superuser); a local podcast host."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests import factories, import_helpers


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its uploads to its own folder, never to the repository's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no feed or page cached by an earlier test."""
    cache.clear()


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def show(home):
    return factories.make_show(parent=home)


@pytest.fixture
def demo(db):
    """The demo content of `make run`: five testimonies with real audio and transcripts."""
    call_command("load_initial_data", verbosity=0)


@pytest.fixture
def administrator_client(client, django_user_model):
    """The test client logged in as a member of « Administration » (not a superuser)."""
    user = factories.make_member(django_user_model, "administratrice", factories.ADMINISTRATORS)
    client.force_login(user)
    return client


@pytest.fixture
def host():
    """A podcast host on 127.0.0.1 (random port) serving the files tests put in host.files."""
    server = import_helpers.start_host()
    yield server
    import_helpers.stop_host(server)
