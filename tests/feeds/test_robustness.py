"""One broken episode never takes a feed down: it is left out and logged, the rest is served."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from episodes.feeds import queries
from episodes.feeds.queries import LISTING_THRESHOLD, files_in_storage
from tests import factories
from tests.feeds.helpers import items_of


def test_episode_whose_audio_vanished_is_left_out_and_logged(client, show, caplog):
    kept = factories.make_episode(show=show, title="Intact")
    broken = factories.make_episode(show=show, title="Sans fichier")
    broken.audio.file.storage.delete(broken.audio.file.name)
    with caplog.at_level(logging.WARNING, logger="episodes.feeds"):
        response = client.get(reverse("show_feed", kwargs={"slug": show.slug}))
    assert response.status_code == 200
    assert [item.findtext("guid") for item in items_of(response.content)] == [kept.guid]
    [record] = [r for r in caplog.records if r.name == "episodes.feeds"]
    assert str(broken.pk) in record.getMessage() and "missing" in record.getMessage()


def test_episode_that_cannot_be_read_is_left_out_and_logged(client, show, caplog, monkeypatch):
    factories.make_episode(show=show, title="Intact")
    factories.make_episode(show=show, title="Illisible")
    real_item = queries.feed_item

    def failing_item(row, *args):
        if row["title"] == "Illisible":
            raise ValueError("unreadable")
        return real_item(row, *args)

    monkeypatch.setattr("episodes.feeds.queries.feed_item", failing_item)
    with caplog.at_level(logging.ERROR, logger="episodes.feeds"):
        response = client.get(reverse("show_feed", kwargs={"slug": show.slug}))
    assert response.status_code == 200
    assert [item.findtext("title") for item in items_of(response.content)] == ["Intact"]
    assert any(record.exc_info for record in caplog.records if record.name == "episodes.feeds")


@pytest.mark.parametrize("count", [3, LISTING_THRESHOLD + 2])
def test_files_in_storage_finds_present_files_and_misses_deleted_ones(tmp_path, count):
    storage = FileSystemStorage(location=tmp_path)
    names = {storage.save(f"audio/{n}.mp3", ContentFile(b"ID3")) for n in range(count)}
    gone = sorted(names)[0]
    storage.delete(gone)
    assert files_in_storage(storage, names | {"ailleurs/x.mp3"}) == names - {gone}
