"""The embeddable player partner sites frame, and the oEmbed endpoint that describes it."""

import pytest

from episodes.delivery.embeds import EMBED_HEIGHT
from tests import factories


def test_embed_page_can_be_framed_by_any_site(client, tagged_episode):
    response = client.get(f"/episodes/{tagged_episode.guid}/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert 'preload="none"' in response.content.decode()


def test_oembed_gives_an_iframe_of_the_embed_page(client, tagged_episode):
    response = client.get("/oembed/", {"url": f"http://127.0.0.1:8000{tagged_episode.url}"})
    data = response.json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert f"/episodes/{tagged_episode.guid}/embed/" in data["html"]
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
def test_oembed_refuses_what_is_not_one_of_our_episodes(client, tagged_episode, params, status):
    assert client.get("/oembed/", params).status_code == status


@pytest.mark.parametrize(
    "address",
    ["/radio-des-territoires/%C3%A9t%C3%A9-solidaire/", "/radio-des-territoires/été-solidaire/"],
    ids=["percent-encoded", "as-typed"],
)
def test_oembed_finds_an_episode_whose_slug_has_accents(client, show, address):
    # New slugs are ASCII; pages made before that, or imported, may keep an accented one.
    episode = factories.make_episode(show=show, title="Été solidaire", slug="été-solidaire")
    response = client.get("/oembed/", {"url": f"http://127.0.0.1:8000{address}"})
    assert response.status_code == 200
    assert f"/episodes/{episode.guid}/embed/" in response.json()["html"]


def test_oembed_declares_the_height_the_embed_player_needs(client, tagged_episode):
    data = client.get("/oembed/", {"url": tagged_episode.url, "maxwidth": "400"}).json()
    assert (data["width"], data["height"]) == (400, EMBED_HEIGHT)
    assert f'width="400" height="{EMBED_HEIGHT}"' in data["html"]


@pytest.mark.parametrize("params", [{"maxwidth": "200"}, {"maxheight": "100"}])
def test_oembed_refuses_a_size_that_would_cut_the_player(client, tagged_episode, params):
    response = client.get("/oembed/", {"url": tagged_episode.url, **params})
    assert response.status_code == 404
    assert "au moins 280 × 150 pixels" in response.content.decode()
