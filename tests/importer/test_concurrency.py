"""One import per feed at a time: a second one, from the admin or the command line, in this
process or another, is refused in French before writing anything; never two shows or two copies
of an episode, and never "database is locked" on SQLite."""

import io
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
    host.delays["/audio/episode-1.mp3"] = (
        3  # the first import is still running when the second starts
    )
    database_url, rows = database_for_other_processes(tmp_path)
    commands = [
        start_command(["import_podcast", host.url("/feed.xml")], database_url, tmp_path / "media")
        for _ in range(2)
    ]
    results = [(command.wait(timeout=300), *command.communicate()) for command in commands]
    outputs = sorted(results)
    assert [code for code, _out, _err in outputs] == [0, 1], outputs
    assert "Import terminé : 2 ajoutés" in outputs[0][1]
    assert RUNNING in outputs[1][2] and "database is locked" not in outputs[1][2]
    assert rows("SELECT COUNT(*) FROM episodes_podcastpage") == [(1,)]
    guids = rows("SELECT source_guid, COUNT(*) FROM episodes_episodepage GROUP BY source_guid")
    assert sorted(count for _guid, count in guids) == [1, 1]
    assert rows("SELECT COUNT(*) FROM episodes_importlock") == [(0,)]
