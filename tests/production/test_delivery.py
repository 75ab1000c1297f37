"""What podcast apps and visitors get through nginx → gunicorn in production: feeds with their
validators and gzip, audio handed over by X-Accel-Redirect with ranges, no audio by its storage
path, hashed static files cached for a year, image renditions and nothing else from media."""

import hashlib
import json
import re

import feedparser
import pytest
from lxml import etree

from tests.production.helpers import UPLOAD_LIMIT_MB

FEED = "/podcasts/radio-des-territoires/feed.xml"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"

PUBLISHED_AUDIO = """
import json
from episodes.models import EpisodePage
episode = EpisodePage.objects.published().newest_first().select_related("audio").first()
audio = episode.audio
print(json.dumps({"path": episode.audio_path, "file": audio.file.name, "size": audio.size,
                  "sha256": audio.sha256, "type": audio.mime_type}))
"""
DRAFT_AUDIO = """
import json
from episodes.models import PodcastPage
from tests import factories
show = PodcastPage.objects.get(slug="radio-des-territoires")
episode = factories.make_episode(show=show, title="Brouillon pas encore relu", live=False)
print(json.dumps({"path": episode.audio_path, "file": episode.audio.file.name}))
"""


@pytest.fixture(scope="module")
def published_audio(stack):
    return json.loads(stack.python(PUBLISHED_AUDIO))


@pytest.fixture(scope="module")
def draft_audio(stack):
    return json.loads(stack.python(DRAFT_AUDIO))


def test_the_feed_is_served_gzipped_and_parses_with_its_episodes(stack, http):
    response = http.get(stack.url + FEED, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert response.headers["Content-Encoding"] == "gzip"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and len(parsed.entries) == 5
    assert all(
        entry.enclosures[0].href.startswith(stack.url + "/audio/") for entry in parsed.entries
    )


def test_a_conditional_feed_request_is_answered_304_without_a_body(stack, http):
    first = http.get(stack.url + FEED)
    again = http.get(stack.url + FEED, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = http.get(
        stack.url + FEED, headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert since.status_code == 304


def test_pages_are_gzipped_by_nginx(stack, http):
    response = http.get(stack.url + "/", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    assert "Radio des Territoires" in response.text


def test_audio_comes_whole_through_x_accel_with_its_recorded_size(stack, http, published_audio):
    response = http.get(stack.url + published_audio["path"])
    assert response.status_code == 200
    assert response.headers["Content-Type"] == published_audio["type"]
    assert int(response.headers["Content-Length"]) == published_audio["size"]
    assert hashlib.sha256(response.content).hexdigest() == published_audio["sha256"]
    assert "X-Accel-Redirect" not in response.headers
    assert response.headers["Accept-Ranges"] == "bytes"


def test_audio_answers_apple_probe_and_other_ranges(stack, http, published_audio):
    size, url = published_audio["size"], stack.url + published_audio["path"]
    probe = http.get(url, headers={"Range": "bytes=0-1"})
    assert probe.status_code == 206 and len(probe.content) == 2
    assert probe.headers["Content-Range"] == f"bytes 0-1/{size}"
    suffix = http.get(url, headers={"Range": "bytes=-500"})
    assert suffix.status_code == 206 and len(suffix.content) == 500
    head = http.head(url)
    assert head.status_code == 200 and int(head.headers["Content-Length"]) == size
    beyond = http.get(url, headers={"Range": f"bytes={size + 10}-"})
    assert beyond.status_code == 416 and beyond.headers["Content-Range"] == f"bytes */{size}"


def test_draft_audio_is_unreachable_by_its_address_and_by_its_storage_path(
    stack, http, draft_audio
):
    assert http.get(stack.url + draft_audio["path"]).status_code == 404
    assert http.get(f"{stack.url}/media/{draft_audio['file']}").status_code == 404
    assert http.get(f"{stack.url}/protected-media/{draft_audio['file']}").status_code == 404


def test_published_audio_is_unreachable_by_its_storage_path(stack, http, published_audio):
    assert http.get(f"{stack.url}/media/{published_audio['file']}").status_code == 404
    assert http.get(f"{stack.url}/protected-media/{published_audio['file']}").status_code == 404


def test_hashed_static_files_are_cached_for_a_year(stack, http):
    html = http.get(stack.url + "/").text
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    response = http.get(stack.url + stylesheet)
    assert response.status_code == 200 and response.headers["Content-Type"] == "text/css"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    plain = http.get(stack.url + "/static/css/site.css")
    assert plain.status_code == 200 and "immutable" not in plain.headers["Cache-Control"]


def test_feed_artwork_renditions_are_served_and_originals_are_not(stack, http):
    feed = etree.fromstring(http.get(stack.url + FEED).content)
    artwork = feed.find(f"channel/{ITUNES}image").get("href")
    assert artwork.startswith(stack.url + "/media/images/")
    image = http.get(artwork)
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/jpeg"
    original = stack.python(
        "from wagtail.images.models import Image; print(Image.objects.first().file.name)"
    ).strip()
    assert original.startswith("original_images/")
    assert http.get(f"{stack.url}/media/{original}").status_code == 404


def test_an_upload_over_the_limit_is_refused_by_nginx_in_french(stack, http):
    too_big = b"0" * ((UPLOAD_LIMIT_MB + 11) * 1024 * 1024)
    response = http.post(stack.url + "/admin/login/", data=too_big)
    assert response.status_code == 413
    assert "Fichier trop volumineux" in response.text and f"{UPLOAD_LIMIT_MB} Mo" in response.text
