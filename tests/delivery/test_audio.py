"""Episode audio as podcast apps fetch it: HEAD, byte ranges, conditional requests, 404s."""

import hashlib
import logging
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from episodes.delivery.ranges import UNSATISFIABLE, ByteRange, if_range_matches, parse_range
from tests.factories import make_audio, make_episode

CHUNK_SIZE = 64 * 1024


def audio_url(episode, ext=None):
    """The audio URL the feed gives for an episode."""
    return reverse("episode_audio", kwargs={"guid": episode.guid, "ext": ext or "mp3"})


def stored_bytes(audio):
    """The bytes of an audio file as stored."""
    with audio.file.storage.open(audio.file.name, "rb") as file:
        return file.read()


def body(response):
    """Everything a streamed response sends."""
    return b"".join(response.streaming_content)


# ------------------------------------------------------------------------ Range header parsing


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-1", ByteRange(0, 1)),
        ("bytes=0-0", ByteRange(0, 0)),
        ("bytes=100-199", ByteRange(100, 199)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-500", ByteRange(500, 999)),
        ("bytes=-5000", ByteRange(0, 999)),
        ("bytes=900-5000", ByteRange(900, 999)),
        ("bytes=999-999", ByteRange(999, 999)),
        ("Bytes = 0-1", ByteRange(0, 1)),
        ("bytes=0-1, ,", ByteRange(0, 1)),
    ],
)
def test_a_single_byte_range_is_clamped_to_the_file(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize(
    "header", ["bytes=1000-", "bytes=1000-2000", "bytes=5000-6000", "bytes=-0"]
)
def test_a_range_outside_the_file_is_unsatisfiable(header):
    assert parse_range(header, 1000) is UNSATISFIABLE


def test_every_range_of_an_empty_file_is_unsatisfiable():
    assert parse_range("bytes=-10", 0) is UNSATISFIABLE
    assert parse_range("bytes=0-", 0) is UNSATISFIABLE


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "bytes=abc",
        "bytes=",
        "bytes=-",
        "bytes 0-1",
        "bytes=5-1",
        "bytes=1-2-3",
        "bytes=0x10-20",
        "bytes=+1-2",
        "bytes=١-٢",
        "items=0-1",
        "bytes=0-" + "9" * 40,
    ],
)
def test_an_invalid_or_foreign_range_header_is_ignored(header):
    assert parse_range(header, 1000) is None


def test_several_ranges_are_answered_with_the_whole_file():
    assert parse_range("bytes=0-1,10-20", 1000) is None
    assert parse_range("bytes=0-1,-5", 1000) is None


def test_the_range_parts_say_their_length_and_content_range():
    assert ByteRange(0, 1).length == 2
    assert ByteRange(0, 1).content_range(1000) == "bytes 0-1/1000"
    assert UNSATISFIABLE.content_range(1000) == "bytes */1000"


def test_if_range_matches_only_the_same_strong_etag_or_the_same_date():
    modified = 1_700_000_000
    assert if_range_matches('"abc"', '"abc"', modified)
    assert not if_range_matches('"abd"', '"abc"', modified)
    assert not if_range_matches('W/"abc"', '"abc"', modified)
    assert if_range_matches(http_date(modified), '"abc"', modified)
    assert not if_range_matches(http_date(modified - 60), '"abc"', modified)
    assert not if_range_matches("not a date", '"abc"', modified)


# ------------------------------------------------------------------------------ stream mode


def test_head_answers_with_the_recorded_size_and_no_body(client, episode):
    response = client.head(audio_url(episode))
    assert response.status_code == 200
    assert response["Content-Length"] == str(episode.audio.size)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response.content == b""


def test_a_full_get_streams_the_stored_file(client, episode, django_assert_max_num_queries):
    client.head(audio_url(episode))  # this process looks the episode up once
    with django_assert_max_num_queries(1):  # then reads the content stamps alone
        response = client.get(audio_url(episode))
    data = body(response)
    assert response.status_code == 200
    assert response.streaming is True
    assert data == stored_bytes(episode.audio)
    assert hashlib.sha256(data).hexdigest() == episode.audio.sha256
    assert int(response["Content-Length"]) == episode.audio.size == len(data)


def test_a_full_get_says_how_to_cache_and_name_the_file(client, episode):
    response = client.get(audio_url(episode))
    assert response["ETag"] == f'"{episode.audio.sha256}"'
    assert response["Last-Modified"] == http_date(episode.audio.updated_at.timestamp())
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["Content-Disposition"] == (
        'inline; filename="ecodair-le-choix-vertueux-du-reconditionne.mp3"'
    )
    response.close()


def test_a_long_file_is_sent_in_chunks_of_64_kib_at_most(client, show):
    episode = make_episode(show=show, audio=make_audio(seconds=10))
    chunks = list(client.get(audio_url(episode)).streaming_content)
    assert len(chunks) > 1
    assert max(len(chunk) for chunk in chunks) <= CHUNK_SIZE
    assert b"".join(chunks) == stored_bytes(episode.audio)


def test_apples_two_byte_probe_gets_a_206_with_the_first_two_bytes(client, episode):
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-1/{episode.audio.size}"
    assert response["Content-Length"] == "2"
    assert body(response) == stored_bytes(episode.audio)[:2]


def test_a_suffix_range_gets_the_last_bytes(client, episode):
    size = episode.audio.size
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=-500")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {size - 500}-{size - 1}/{size}"
    assert body(response) == stored_bytes(episode.audio)[-500:]


def test_an_open_ended_range_gets_the_rest_of_the_file(client, episode):
    size = episode.audio.size
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=100-")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-{size - 1}/{size}"
    assert response["Content-Length"] == str(size - 100)
    assert body(response) == stored_bytes(episode.audio)[100:]


def test_a_range_past_the_end_gets_a_416(client, episode):
    size = episode.audio.size
    response = client.get(audio_url(episode), HTTP_RANGE=f"bytes={size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"


@pytest.mark.parametrize("header", ["bytes=abc", "items=0-1", "bytes=0-1,100-200"])
def test_a_range_we_do_not_honour_gets_the_whole_file(client, episode, header):
    response = client.get(audio_url(episode), HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == stored_bytes(episode.audio)


def test_a_head_with_a_range_describes_the_partial_answer_without_body(client, episode):
    response = client.head(audio_url(episode), HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-1/{episode.audio.size}"
    assert response["Content-Length"] == "2"
    assert response.content == b""


def test_a_matching_if_none_match_gets_a_304_without_body(client, episode):
    etag = f'"{episode.audio.sha256}"'
    response = client.get(audio_url(episode), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_an_if_range_that_matches_keeps_the_range(client, episode):
    etag = f'"{episode.audio.sha256}"'
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE=etag)
    assert response.status_code == 206
    assert body(response) == stored_bytes(episode.audio)[:2]


def test_an_if_range_that_no_longer_matches_gets_the_whole_file(client, episode):
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"old"')
    assert response.status_code == 200
    assert body(response) == stored_bytes(episode.audio)


def test_an_if_range_with_an_older_date_gets_the_whole_file(client, episode):
    older = http_date(episode.audio.updated_at.timestamp() - 3600)
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE=older)
    assert response.status_code == 200
    assert len(body(response)) == episode.audio.size


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options"])
def test_only_get_and_head_are_allowed(client, episode, method):
    response = getattr(client, method)(audio_url(episode))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# ------------------------------------------------------------------------------------- 404s


def test_an_unknown_guid_is_not_found(client, episode):
    url = reverse("episode_audio", kwargs={"guid": uuid.uuid4(), "ext": "mp3"})
    assert client.get(url).status_code == 404


def test_another_extension_is_not_found(client, episode):
    assert client.get(audio_url(episode, ext="m4a")).status_code == 404


def test_a_draft_episode_is_not_found(client, show):
    draft = make_episode(show=show, live=False)
    assert client.get(audio_url(draft)).status_code == 404


def test_an_episode_scheduled_for_later_is_not_found(client, show):
    later = make_episode(show=show, publication_date=timezone.now() + timedelta(days=1))
    assert client.get(audio_url(later)).status_code == 404


def test_a_file_gone_from_storage_is_not_found_and_logged(client, episode, caplog):
    episode.audio.file.storage.delete(episode.audio.file.name)
    with caplog.at_level(logging.ERROR, logger="episodes.delivery"):
        response = client.get(audio_url(episode))
    assert response.status_code == 404
    assert any(
        record.levelno == logging.ERROR and episode.audio.file.name in record.getMessage()
        for record in caplog.records
    )


def test_a_file_whose_size_changed_is_not_found_and_logged(client, episode, caplog):
    with episode.audio.file.storage.open(episode.audio.file.name, "ab") as file:
        file.write(b"\0" * 10)
    with caplog.at_level(logging.ERROR, logger="episodes.delivery"):
        response = client.head(audio_url(episode))
    assert response.status_code == 404
    assert any(record.name == "episodes.delivery" for record in caplog.records)


# ------------------------------------------------------------------- x-accel and redirect modes


def test_x_accel_mode_hands_the_file_to_nginx(client, episode, settings):
    settings.AUDIO_DELIVERY = "x-accel"
    response = client.get(audio_url(episode))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{episode.audio.file.name}"
    assert response["Content-Type"] == "audio/mpeg"
    assert response.content == b""


def test_x_accel_mode_uses_the_configured_prefix(client, episode, settings):
    settings.AUDIO_DELIVERY = "x-accel"
    settings.AUDIO_X_ACCEL_PREFIX = "/internal-audio/"
    response = client.get(audio_url(episode))
    assert response["X-Accel-Redirect"] == f"/internal-audio/{episode.audio.file.name}"


def test_redirect_mode_sends_apps_to_the_storage_url(client, episode, settings):
    settings.AUDIO_DELIVERY = "redirect"
    response = client.get(audio_url(episode))
    assert response.status_code == 302
    assert response["Location"] == episode.audio.file.url


def test_redirect_mode_still_hides_drafts(client, show, settings):
    settings.AUDIO_DELIVERY = "redirect"
    draft = make_episode(show=show, live=False)
    assert client.get(audio_url(draft)).status_code == 404
