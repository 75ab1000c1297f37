"""Shared fixtures: uploads go to a temporary media folder, every test starts with an empty
cache; a site with a home page, a show and episodes, a theme and an association; the demo
content; clients logged in as members of the migrated groups (pytest-django's admin_client is
the superuser); a local podcast host; a Redis server of the test's own."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from episodes.models import Association, EpisodeSpeaker, Person, Theme, TranscriptSegment
from tests import factories
from tests.importer import helpers as import_helpers
from tests.operations.helpers import start_smtp_server
from tests.radio.helpers import RedisServer


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its uploads to its own folder, never to the repository's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no feed or page cached by an earlier test, nor
    kept by this process."""
    from episodes.feeds.views import recent_bodies

    cache.clear()
    recent_bodies.clear()


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def show(home):
    return factories.make_show(parent=home)


@pytest.fixture
def episode(show):
    """A published episode of the show, with two seconds of real audio."""
    return factories.make_episode(show=show)


@pytest.fixture
def theme(db):
    return Theme.objects.create(name="Habitat inclusif", slug="habitat-inclusif")


@pytest.fixture
def association(db):
    return Association.objects.create(
        name="Vivre en béguinage", slug="vivre-en-beguinage", region="Hauts-de-France"
    )


@pytest.fixture
def tagged_episode(show, theme, association):
    """A published episode on the theme, with the association's president heard and a passage."""
    episode = factories.make_episode(
        show=show, title="Handicap et bien-vieillir", themes=[theme], associations=[association]
    )
    person = Person.objects.create(name="Vincent Bel", title="président", association=association)
    episode.speakers = [EpisodeSpeaker(person=person, role="guest")]
    episode.transcript_segments = [
        TranscriptSegment(start_time=12.5, end_time=15, speaker="Vincent Bel", body="Le béguinage.")
    ]
    episode.save_revision().publish()
    return episode


@pytest.fixture
def demo(db):
    """The demo content of `make run`: five testimonies with real audio and transcripts."""
    call_command("load_initial_data", verbosity=0)


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client logged in as a member of « Rédaction » (the editors)."""
    user = factories.make_member(django_user_model, "redactrice", factories.EDITORS)
    client.force_login(user)
    return client


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


@pytest.fixture
def public_addresses_only(settings):
    """Imports as in production: only public Internet addresses may be reached (the test
    settings allow 127.0.0.1, where the podcast hosts of the tests run)."""
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False


@pytest.fixture
def internal_service():
    """A service of the platform's own network (127.0.0.2) that imports must never reach."""
    server = import_helpers.start_host("127.0.0.2")
    server.files["/secret"] = (
        b"<rss><channel><title>Secret interne</title></channel></rss>",
        "application/rss+xml",
    )
    yield server
    import_helpers.stop_host(server)


@pytest.fixture
def redis_server():
    """A running Redis server of the test's own (free port, nothing on disk) it may stop and
    start again; skipped if redis-server is not installed."""
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def long_episode(show):
    """A published episode of 90 seconds of real audio (32 kbit/s): a minute is 2/3 of it."""
    return factories.make_episode(
        show=show,
        title="Le réemploi solidaire",
        audio=factories.make_audio(title="Réemploi", seconds=90, bitrate=32, sample_rate=22050),
    )


@pytest.fixture
def m4a_episode(show):
    """A published episode of 90 seconds of real AAC in an M4A, its moov box before the audio."""
    return factories.make_episode(
        show=show,
        title="Les circuits courts",
        audio=factories.make_m4a_audio(title="Circuits courts", seconds=90),
    )


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the database queue, as in production, until a worker runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd, free port) that Django sends its mail to, as
    production does; its .mailbox holds what arrived."""
    server = start_smtp_server()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    yield server
    server.stop()


@pytest.fixture
def bucket(settings):
    """Uploads in an S3 bucket on loopback (moto's server mode): private, images public by
    policy, as the README sets it up; yields the S3 endpoint."""
    from tests.production.buckets import running_bucket, use_bucket

    with running_bucket() as endpoint:
        use_bucket(settings, endpoint)
        yield endpoint
