"""What search engines and social networks get: metadata, security headers, sitemap, robots."""

import json
import re

import pytest

from episodes.models import Theme


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_episode_page_describes_the_episode_as_json_ld(client, tagged_episode):
    data = json_ld(client.get(tagged_episode.url).content.decode())
    assert data["@type"] == "PodcastEpisode"
    assert data["about"][0]["name"] == "Habitat inclusif"
    assert data["mentions"][0] == {
        "@type": "Organization",
        "name": "Vivre en béguinage",
        "url": "http://127.0.0.1:8000/associations/vivre-en-beguinage/",
    }
    assert data["associatedMedia"]["contentUrl"] == tagged_episode.enclosure_url


def test_episode_page_has_open_graph_audio_canonical_and_feed_link(client, show, tagged_episode):
    html = client.get(tagged_episode.url).content.decode()
    assert f'<meta property="og:audio" content="{tagged_episode.enclosure_url}">' in html
    assert '<link rel="canonical"' in html
    assert f'type="application/rss+xml" title="{show.title}" href="{show.feed_url}"' in html
    assert 'type="application/json+oembed"' in html


def test_show_page_is_a_podcast_series(client, show, tagged_episode):
    data = json_ld(client.get(show.url).content.decode())
    assert data["@type"] == "PodcastSeries" and data["webFeed"] == show.feed_url


def test_a_time_in_the_address_starts_the_native_player_there(client, tagged_episode):
    html = client.get(f"{tagged_episode.url}?t=75").content.decode()
    assert f'src="/audio/{tagged_episode.guid}.mp3#t=75"' in html


@pytest.mark.parametrize("value", ["-3", "abc", "1e9", "٣", "9" * 40, ""])
def test_a_bad_time_in_the_address_is_ignored(client, tagged_episode, value):
    response = client.get(tagged_episode.url, {"t": value})
    assert response.status_code == 200
    assert f'src="/audio/{tagged_episode.guid}.mp3"' in response.content.decode()


def test_public_pages_forbid_inline_scripts_and_framing(client, tagged_episode):
    response = client.get(tagged_episode.url)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_sitemap_lists_pages_themes_and_associations(client, tagged_episode):
    xml = client.get("/sitemap.xml").content.decode()
    assert tagged_episode.url in xml
    assert "/themes/habitat-inclusif/" in xml and "/associations/vivre-en-beguinage/" in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text and "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


@pytest.mark.parametrize("page", ["9999", "abc", "-1", "0"])
def test_show_pages_never_fail_on_odd_page_numbers(client, show, tagged_episode, page):
    response = client.get(show.url, {"page": page})
    assert response.status_code == 200
    assert "Handicap et bien-vieillir" in response.content.decode()


def test_theme_page_links_to_its_feed(client, tagged_episode):
    theme = Theme.objects.get()
    html = client.get(theme.get_absolute_url()).content.decode()
    assert f'href="{theme.feed_url}"' in html
