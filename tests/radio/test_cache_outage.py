"""Redis out: pages, feeds, search and the sitemap are served without the cache, and the cache is
used again once Redis is back; each change is logged once (radio/cache.py)."""

import gzip
import logging
import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from episodes.feeds.views import recent_bodies
from radio.settings.base import redis_cache

RETRY_SECONDS = 0.3


def point_cache_at(settings, url, retry_seconds=RETRY_SECONDS):
    """The project's Redis cache settings, on url, trying again after retry_seconds."""
    config = redis_cache(url)
    config["OPTIONS"] = {**config["OPTIONS"], "retry_seconds": retry_seconds}
    settings.CACHES = {"default": config}


def cache_warnings(caplog, words):
    return [r for r in caplog.records if r.name == "radio.cache" and words in r.getMessage()]


def public_addresses(episode, theme):
    show = episode.get_parent().specific
    return [
        "/",
        show.url,
        episode.url,
        theme.get_absolute_url(),
        reverse("theme_feed", kwargs={"slug": theme.slug}),
        reverse("feeds_opml"),
        "/recherche/?q=béguinage",
        "/sitemap.xml",
    ]


def test_site_is_served_while_redis_is_down_and_uses_it_again_once_back(
    client, settings, redis_server, tagged_episode, theme, caplog
):
    point_cache_at(settings, redis_server.url)
    feed = reverse("show_feed", kwargs={"slug": tagged_episode.get_parent().slug})
    feed_bytes = client.get(feed).content
    assert any(b"episodes.feeds" in key for key in redis_server.keys())

    redis_server.stop()
    caplog.set_level(logging.WARNING, logger="radio.cache")
    for address in public_addresses(tagged_episode, theme):
        assert client.get(address).status_code == 200, address
    assert client.get(feed).content == feed_bytes
    gzipped = client.get(feed, headers={"Accept-Encoding": "gzip"})
    assert gzipped.status_code == 200 and gzip.decompress(gzipped.content) == feed_bytes
    assert len(cache_warnings(caplog, "unreachable")) == 1

    redis_server.start()
    time.sleep(RETRY_SECONDS + 0.1)
    recent_bodies.clear()  # another worker, which kept no copy of the feed, asks for it
    assert client.get(feed).content == feed_bytes
    assert any(b"episodes.feeds" in key for key in redis_server.keys())
    assert any(b"wagtail_site_root_paths" in key for key in redis_server.keys())
    client.get("/")
    assert len(cache_warnings(caplog, "reachable again")) == 1
    assert len(cache_warnings(caplog, "unreachable")) == 1


def test_every_cache_call_answers_as_a_miss_while_redis_is_down(settings, db):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        point_cache_at(settings, f"redis://127.0.0.1:{probe.getsockname()[1]}/0")
    assert cache.get("programme", "absent") == "absent"
    assert cache.get_or_set("programme", "calculé") == "calculé"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("programme") is False
    assert cache.add("programme", 1) is False
    assert cache.set("programme", 1) is None
    assert cache.set_many({"a": 1}) == []
    assert cache.touch("programme") is False
    assert cache.delete("programme") is False
    assert cache.delete_many(["a", "b"]) is None
    assert cache.clear() is False
    with pytest.raises(ValueError):
        cache.incr("programme")


def test_values_written_while_redis_was_out_are_not_read_back_once_it_returns(
    settings, redis_server, db
):
    point_cache_at(settings, redis_server.url)
    cache.set("programme", "ancien")
    admin = redis_server.client()
    # Redis refuses this process (a password it lacks) while keeping its data.
    admin.config_set("requirepass", "secret")
    admin.client_kill_filter(_type="normal", skipme=True)
    cache.set("programme", "nouveau")
    assert cache.get("programme") is None
    admin.config_set("requirepass", "")
    time.sleep(RETRY_SECONDS + 0.1)
    assert cache.get("autre") is None  # Redis answers again: the missed write is undone
    assert cache.get("programme") is None
    cache.set("programme", "nouveau")
    assert cache.get("programme") == "nouveau"


class SilentServer:
    """A TCP server that accepts connections and never answers: a Redis that hangs."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.connections.append(self.listener.accept()[0])
            except OSError:
                return

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


def test_a_hanging_redis_is_waited_for_once_per_retry_not_per_request(
    client, settings, tagged_episode, theme
):
    silent = SilentServer()
    try:
        point_cache_at(settings, silent.url, retry_seconds=60)
        for address in public_addresses(tagged_episode, theme):
            assert client.get(address).status_code == 200, address
        assert len(silent.connections) == 1
    finally:
        silent.close()
