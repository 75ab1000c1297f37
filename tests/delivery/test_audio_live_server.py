"""Episode audio over a real socket, as Apple's checker and podcast apps fetch it."""

import hashlib
import http.client
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

# The live server answers from another thread: it must see committed rows. Serialized rollback
# puts back the rows migrations created (Wagtail's root page) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fetch(live_server, method, path, headers=None):
    """The status, headers and body of one HTTP request to the live server."""
    address = urlsplit(live_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def audio_path(episode):
    return reverse("episode_audio", kwargs={"guid": episode.guid, "ext": "mp3"})


def stored_bytes(audio):
    with audio.file.storage.open(audio.file.name, "rb") as file:
        return file.read()


def test_head_over_http_gives_the_enclosure_length_and_no_body(live_server, episode):
    status, headers, body = fetch(live_server, "HEAD", audio_path(episode))
    assert status == 200
    assert headers["Content-Length"] == str(episode.audio.size)
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["Content-Type"] == "audio/mpeg"
    assert body == b""


def test_the_two_byte_probe_over_http_gets_two_bytes(live_server, episode):
    status, headers, body = fetch(live_server, "GET", audio_path(episode), {"Range": "bytes=0-1"})
    assert status == 206
    assert headers["Content-Range"] == f"bytes 0-1/{episode.audio.size}"
    assert headers["Content-Length"] == "2"
    assert body == stored_bytes(episode.audio)[:2]


def test_a_suffix_range_over_http_gets_the_last_bytes(live_server, episode):
    size = episode.audio.size
    status, headers, body = fetch(live_server, "GET", audio_path(episode), {"Range": "bytes=-500"})
    assert status == 206
    assert headers["Content-Range"] == f"bytes {size - 500}-{size - 1}/{size}"
    assert body == stored_bytes(episode.audio)[-500:]


def test_a_full_download_over_http_matches_the_recorded_checksum(live_server, episode):
    status, headers, body = fetch(live_server, "GET", audio_path(episode))
    assert status == 200
    assert int(headers["Content-Length"]) == len(body) == episode.audio.size
    assert hashlib.sha256(body).hexdigest() == episode.audio.sha256


def test_a_range_past_the_end_over_http_gets_a_416(live_server, episode):
    size = episode.audio.size
    status, headers, _body = fetch(
        live_server, "GET", audio_path(episode), {"Range": f"bytes={size}-"}
    )
    assert status == 416
    assert headers["Content-Range"] == f"bytes */{size}"
