"""A download has a deadline for the whole of it, not only for each read: a host trickling a
byte at a time is given up in time, in French, and the import goes on without that file."""

import io
import time

import pytest
from django.core.management import CommandError, call_command

from episodes.models import EpisodePage, PodcastPage
from tests.importer.helpers import publish_podcast

BOUND = 60  # seconds: a bound, not a speed check (the trickles below would last for hours)


def test_an_audio_file_trickling_in_is_given_up_at_the_media_deadline(host, home, settings):
    settings.IMPORT_MEDIA_DEADLINE = 2
    publish_podcast(host)
    host.trickles["/audio/episode-2.mp3"] = 0.2  # each read gets a byte well within its timeout
    started = time.monotonic()
    out = io.StringIO()
    call_command("import_podcast", host.url("/feed.xml"), stdout=out)
    assert time.monotonic() - started < BOUND
    assert (
        "« Épisode 2 : le réemploi » non importé — audio : "
        f"{host.url('/audio/episode-2.mp3')} : le téléchargement a dépassé la durée maximale "
        "de 2 secondes." in out.getvalue()
    )
    assert list(EpisodePage.objects.values_list("title", flat=True)) == ["Épisode 1 : l'accueil"]


def test_a_feed_trickling_in_is_refused_at_the_feed_deadline(host, home, settings):
    settings.IMPORT_FEED_DEADLINE = 2
    publish_podcast(host)
    host.trickles["/feed.xml"] = 0.2
    started = time.monotonic()
    with pytest.raises(CommandError, match="le téléchargement a dépassé la durée maximale de 2 s"):
        call_command("import_podcast", host.url("/feed.xml"), stdout=io.StringIO())
    assert time.monotonic() - started < BOUND
    assert not PodcastPage.objects.exists()
