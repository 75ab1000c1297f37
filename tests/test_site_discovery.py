"""What search engines, social networks and other websites get: metadata, sitemap, embeds."""

import json
import re

import pytest

from episodes.models import Association, Theme
from tests import factories


@pytest.fixture
def episode(show):
    theme = Theme.objects.create(name="Habitat inclusif", slug="habitat-inclusif")
    association = Association.objects.create(name="Siel Bleu", slug="siel-bleu")
    return factories.make_episode(
        show=show, title="Bouger pour bien vieillir", themes=[theme], associations=[association]
    )


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_episode_page_describes_the_episode_as_json_ld(client, episode):
    data = json_ld(client.get(episode.url).content.decode())
    assert data["@type"] == "PodcastEpisode"
    assert data["about"][0]["name"] == "Habitat inclusif"
    assert data["mentions"][0] == {
        "@type": "Organization",
        "name": "Siel Bleu",
        "url": "http://127.0.0.1:8000/associations/siel-bleu/",
    }
    assert data["associatedMedia"]["contentUrl"] == episode.enclosure_url


def test_episode_page_has_open_graph_audio_canonical_and_feed_link(client, show, episode):
    html = client.get(episode.url).content.decode()
    assert f'<meta property="og:audio" content="{episode.enclosure_url}">' in html
    assert '<link rel="canonical"' in html
    assert f'type="application/rss+xml" title="{show.title}" href="{show.feed_url}"' in html
    assert 'type="application/json+oembed"' in html


def test_show_page_is_a_podcast_series(client, show, episode):
    data = json_ld(client.get(show.url).content.decode())
    assert data["@type"] == "PodcastSeries" and data["webFeed"] == show.feed_url


def test_a_time_in_the_address_starts_the_native_player_there(client, episode):
    html = client.get(f"{episode.url}?t=75").content.decode()
    assert f'src="/audio/{episode.guid}.mp3#t=75"' in html


@pytest.mark.parametrize("value", ["-3", "abc", "1e9", "٣", "9" * 40, ""])
def test_a_bad_time_in_the_address_is_ignored(client, episode, value):
    response = client.get(episode.url, {"t": value})
    assert response.status_code == 200
    assert f'src="/audio/{episode.guid}.mp3"' in response.content.decode()


def test_public_pages_forbid_inline_scripts_and_framing(client, episode):
    response = client.get(episode.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_embed_page_can_be_framed_by_any_site(client, episode):
    response = client.get(f"/episodes/{episode.guid}/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert 'preload="none"' in response.content.decode()


def test_oembed_gives_an_iframe_of_the_embed_page(client, episode):
    response = client.get("/oembed/", {"url": f"http://127.0.0.1:8000{episode.url}"})
    data = response.json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert f"/episodes/{episode.guid}/embed/" in data["html"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"url": "https://ailleurs.example/radio-des-territoires/x/"}, 404),
        ({"url": "http://127.0.0.1:8000/nulle-part/"}, 404),
        ({}, 404),
        ({"url": "http://127.0.0.1:8000/", "format": "xml"}, 501),
    ],
)
def test_oembed_refuses_what_is_not_one_of_our_episodes(client, episode, params, status):
    assert client.get("/oembed/", params).status_code == status


def test_sitemap_lists_pages_themes_and_associations(client, episode):
    xml = client.get("/sitemap.xml").content.decode()
    assert episode.url in xml
    assert "/themes/habitat-inclusif/" in xml and "/associations/siel-bleu/" in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


@pytest.mark.parametrize("page", ["9999", "abc", "-1", "0"])
def test_show_pages_never_fail_on_odd_page_numbers(client, show, episode, page):
    response = client.get(show.url, {"page": page})
    assert response.status_code == 200
    assert "Bouger pour bien vieillir" in response.content.decode()


def test_theme_page_links_to_its_feed(client, episode):
    theme = Theme.objects.get()
    html = client.get(theme.get_absolute_url()).content.decode()
    assert f'href="{theme.feed_url}"' in html
