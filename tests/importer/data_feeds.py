"""The feeds of tests/data/feeds/, written for these tests in the shapes real feeds take, served
with their media on the loopback host: "{host}" in a feed is the host's address."""

import json
from pathlib import Path

from tests.audio_samples import encode_mp3
from tests.factories import WEBVTT, image_bytes
from tests.importer.helpers import CHAPTERS

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"


def feed_bytes(name, host):
    """The feed file's bytes, its "{host}" made the host's address."""
    return (FEEDS / name).read_bytes().replace(b"{host}", host.url("").rstrip("/").encode())


def serve_data_feed(host, name, *, seconds=2.0):
    """Put the feed at /feed.xml and an MP3 at each /audio/ address it names, artwork at each
    /art/, a transcript and chapters at /docs/; the feed's address."""
    body = feed_bytes(name, host)
    prefix = host.url("").rstrip("/")
    for url in {part.split(b'"')[0].decode() for part in body.split(b'"' + prefix.encode())[1:]}:
        host.files[url] = served_file(url, seconds)
    host.files["/feed.xml"] = (body, "application/rss+xml")
    return host.url("/feed.xml")


def served_file(path, seconds):
    """(bytes, type) of a file the feed links, by its address's folder and extension."""
    if path.startswith("/art/"):
        return image_bytes(size=(1400, 1400)), "image/png"
    if path.endswith(".vtt"):
        return WEBVTT.encode(), "text/vtt"
    if path.endswith(".json"):
        return json.dumps(CHAPTERS).encode(), "application/json"
    return encode_mp3(seconds), "audio/mpeg"
