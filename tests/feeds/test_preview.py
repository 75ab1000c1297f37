"""Editors preview the episode page and, in « Élément du flux », the feed item apps will read."""

import html
import re

import pytest

from episodes.feeds.preview import item_preview
from tests import factories
from tests.editor.helpers import edit_url, episode_form
from tests.factories import make_full_episode


def preview(client, episode, form, mode):
    url = f"/admin/pages/{episode.pk}/edit/preview/"
    assert client.post(url, form).json()["is_valid"]
    return client.get(url, {"mode": mode}).content.decode()


def stripped_lines(text):
    return [line.strip() for line in text.strip().splitlines()]


def test_feed_item_preview_is_the_item_of_the_show_feed(client, show):
    episode = make_full_episode(show=show)
    feed = client.get(f"/podcasts/{show.slug}/feed.xml").content.decode()
    item = re.search(r"<item>.*?</item>", feed, re.DOTALL).group(0)
    shown = item_preview(episode, show)
    assert stripped_lines(shown.xml) == stripped_lines(item)
    assert shown.item.chapters_url and len(shown.item.transcripts) == 3


def test_editor_previews_unsaved_changes_as_a_feed_item(administrator_client, show):
    episode = factories.make_episode(show=show)
    form = episode_form(episode.audio, title="Nouveau titre <provisoire>", slug=episode.slug)
    page = preview(administrator_client, episode, form, "feed-item")
    assert "<h2>Ce que les applications affichent</h2>" in page
    assert html.escape("<title>Nouveau titre &lt;provisoire&gt;</title>") in page
    assert f"<code>{episode.guid}</code>" in page
    assert "0:02" in page  # the duration apps show
    assert episode.guid in page and ".mp3" in page


def test_default_preview_is_the_episode_page(administrator_client, show):
    episode = factories.make_episode(show=show)
    form = episode_form(episode.audio, title="Nouveau titre", slug=episode.slug)
    page = preview(administrator_client, episode, form, "")
    assert "<h1>Nouveau titre</h1>" in page
    assert "Élément du flux" in administrator_client.get(edit_url(episode)).content.decode()


def test_feed_item_preview_says_when_the_audio_file_is_missing(administrator_client, show):
    episode = factories.make_episode(show=show)
    episode.audio.file.storage.delete(episode.audio.file.name)
    form = episode_form(episode.audio, title="Sans audio", slug=episode.slug)
    page = preview(administrator_client, episode, form, "feed-item")
    assert "pas encore de fichier audio utilisable" in page


@pytest.mark.parametrize("mode", ["", "feed-item"])
def test_the_editor_preview_panel_may_frame_the_preview(administrator_client, show, mode):
    """The public pages' « frame-ancestors 'none' » must not blank the admin's preview panel."""
    episode = factories.make_episode(show=show)
    url = f"/admin/pages/{episode.pk}/edit/preview/"
    administrator_client.post(url, episode_form(episode.audio, slug=episode.slug))
    response = administrator_client.get(url, {"mode": mode, "in_preview_panel": "true"})
    assert response.status_code == 200
    assert "frame-ancestors 'none'" not in response.get("Content-Security-Policy", "")
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_feed_item_preview_shows_paragraphs_and_roles_as_editors_read_them(show):
    episode = make_full_episode(show=show)
    shown = item_preview(episode, show)
    assert "Avec Vincent Bel, Béguinage.\nChapitres\nAccueil" in shown.description
    assert shown.speakers() == ["Marie Durand (Animation)", "Vincent Bel (Personne invitée)"]
