"""Methods other than GET and HEAD on the public addresses: a 405 naming GET and HEAD, or, for
Wagtail's pages and Django's class-based views, an empty answer to OPTIONS; never the page."""

import pytest
from django.urls import reverse


def public_addresses(episode, theme, association):
    guid, show = episode.guid, episode.get_parent()
    return [
        "/",
        show.url,
        episode.url,
        "/recherche/",
        reverse("theme_list"),
        theme.get_absolute_url(),
        reverse("association_list"),
        association.get_absolute_url(),
        "/sitemap.xml",
        "/robots.txt",
        *feeds(show, theme, association),
        reverse("episode_transcript", kwargs={"guid": guid, "ext": "vtt"}),
        reverse("episode_audio", kwargs={"guid": guid, "ext": "mp3"}),
        reverse("episode_embed", kwargs={"guid": guid}),
        reverse("oembed"),
    ]


def feeds(show, theme, association):
    return [
        reverse("show_feed", kwargs={"slug": show.slug}),
        reverse("theme_feed", kwargs={"slug": theme.slug}),
        reverse("association_feed", kwargs={"slug": association.slug}),
        reverse("feeds_opml"),
    ]


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE"])
def test_search_answers_options_and_trace_with_405(client, db, method):
    response = client.generic(method, "/recherche/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.content == b""


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE"])
def test_no_public_address_answers_options_or_trace_with_content(
    client, tagged_episode, theme, association, method
):
    for address in public_addresses(tagged_episode, theme, association):
        response = client.generic(method, address)
        empty_options = method == "OPTIONS" and response.status_code == 200
        assert response.status_code == 405 or empty_options, (address, response.status_code)
        assert response.content == b"", address


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_feeds_lists_and_sitemap_refuse_other_methods(
    client, tagged_episode, theme, association, method
):
    show = tagged_episode.get_parent()
    addresses = [*feeds(show, theme, association), "/recherche/", "/sitemap.xml"]
    addresses += [reverse("theme_list"), theme.get_absolute_url()]
    addresses += [reverse("association_list"), association.get_absolute_url()]
    for address in addresses:
        response = client.generic(method, address)
        assert response.status_code == 405, (address, response.status_code)
        assert response["Allow"] == "GET, HEAD", address
