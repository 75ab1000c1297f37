"""The embeddable player partner sites frame, and the oEmbed endpoint that describes it."""

import pytest


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
