"""The addresses apps poll (feeds, OPML, audio) skip the site's middleware but keep what apps,
caches and visitors rely on: security headers, a length, redirects and the French 404 page."""

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from tests import factories


@pytest.fixture
def feed_url(show):
    factories.make_episode(show=show, title="Premier témoignage")
    return reverse("show_feed", kwargs={"slug": show.slug})


def test_a_feed_keeps_the_security_headers_and_says_its_length(client, feed_url):
    response = client.get(feed_url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert int(response["Content-Length"]) == len(response.content)


def test_a_feed_varies_on_its_encoding_only_so_a_shared_cache_keeps_one_copy(client, feed_url):
    # Language and cookies change nothing in a feed: a CDN must not keep one copy per app.
    response = client.get(feed_url, HTTP_ACCEPT_LANGUAGE="en-US", HTTP_COOKIE="sessionid=abc")
    assert response["Vary"] == "Accept-Encoding"
    assert "Set-Cookie" not in response and not response.cookies


def test_a_304_says_its_length_too(client, feed_url):
    etag = client.get(feed_url)["ETag"]
    response = client.get(feed_url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["Content-Length"] == "0"


def test_an_unknown_feed_gets_the_sites_french_404_page(client, show):
    response = client.get("/podcasts/emission-inconnue/feed.xml")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_unknown_audio_gets_the_sites_404_page(client, show):
    response = client.get("/audio/00000000-0000-4000-8000-000000000000.mp3")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_an_editors_redirect_from_a_former_feed_address_still_leads_apps_to_the_feed(
    client, feed_url
):
    Redirect.objects.create(
        old_path="/podcasts/ancienne-emission/feed.xml", redirect_link=feed_url, is_permanent=True
    )
    response = client.get("/podcasts/ancienne-emission/feed.xml")
    assert response.status_code == 301
    assert response["Location"].endswith(feed_url)
    assert client.get(response["Location"]).status_code == 200
