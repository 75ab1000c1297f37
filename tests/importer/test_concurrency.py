"""One import per feed at a time: a second one, from the admin or the command line, in this
process or another, is refused in French before writing anything; never two shows or two copies
of an episode, and never "database is locked" on SQLite."""

import io
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from episodes.importer.lock import feed_lock
from episodes.models import EpisodePage, ImportJob, ImportLock, ImportStatus, PodcastPage
from tests.factories import make_home
from tests.importer.helpers import database_for_other_processes, publish_podcast, start_command

RUNNING = "Un import de ce podcast est déjà en cours"


def test_an_import_of_a_feed_being_imported_is_refused(host, home):
    publish_podcast(host)
    url = host.url("/feed.xml")
    with feed_lock(f"url:{url}", url), pytest.raises(CommandError, match=RUNNING):
        call_command("import_podcast", url, stdout=io.StringIO())
    assert not PodcastPage.objects.exists() and not ImportLock.objects.exists()


def test_the_admin_says_so_when_the_feed_is_being_imported(admin_client, host, home):
    publish_podcast(host)
    url = host.url("/feed.xml")
    with feed_lock(f"url:{url}", url):
        page = admin_client.post("/admin/import-podcast/", {"url": url}, follow=True)
    assert "Échoué" in page.content.decode() and RUNNING in page.content.decode()
    assert ImportJob.objects.get().status == ImportStatus.FAILED
    assert not PodcastPage.objects.exists()


def test_the_lock_of_an_import_that_died_is_taken_over(host, home):
    publish_podcast(host)
    url = host.url("/feed.xml")
    with feed_lock(f"url:{url}", url):
        ImportLock.objects.update(heartbeat_at=timezone.now() - timedelta(days=1))
        call_command("import_podcast", url, stdout=io.StringIO())
    assert EpisodePage.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_processes_importing_the_same_feed_at_once_make_one_show(host, tmp_path):
    make_home()
    publish_podcast(host)
    held = host.holds["/audio/episode-1.mp3"] = threading.Event()  # the first import waits
    database_url, rows = database_for_other_processes(tmp_path)
    url, media = host.url("/feed.xml"), tmp_path / "media"
    first = start_command(["import_podcast", url], database_url, media)
    wait_for(lambda: rows("SELECT COUNT(*) FROM episodes_importlock") == [(1,)])
    second = start_command(["import_podcast", url], database_url, media)
    second_out, second_err = second.communicate(timeout=300)
    held.set()
    first_out, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, (first_out, first_err)
    assert "Import terminé : 2 ajoutés" in first_out
    assert second.returncode == 1, (second_out, second_err)
    assert RUNNING in second_err and "database is locked" not in second_err
    assert rows("SELECT COUNT(*) FROM episodes_podcastpage") == [(1,)]
    guids = rows("SELECT source_guid, COUNT(*) FROM episodes_episodepage GROUP BY source_guid")
    assert sorted(count for _guid, count in guids) == [1, 1]
    assert rows("SELECT COUNT(*) FROM episodes_importlock") == [(0,)]


def wait_for(condition, seconds=120):
    """Poll condition() until it holds (the other process got there), failing after seconds."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the first import never took the feed's lock"
        time.sleep(0.1)
