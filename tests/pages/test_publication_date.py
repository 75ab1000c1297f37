"""An episode dated in the future is nowhere a visitor or an app could find it, its own address
included, until its time comes; only those who may edit it see its page before."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from episodes.models import KnowledgeIndexPage, KnowledgePage
from tests import factories
from tests.search.helpers import episode_slugs, search


@pytest.fixture
def coming(show):
    """A live episode, with transcript and chapters, dated in two days."""
    later = timezone.now() + timedelta(days=2)
    return factories.make_full_episode(
        show=show, title="Épisode à venir", slug="episode-a-venir", publication_date=later
    )


def documents_of(episode):
    """The addresses apps fetch for an episode: transcript, chapters, audio, player."""
    guid = str(episode.guid)
    return [
        reverse("episode_transcript", kwargs={"guid": guid, "ext": "vtt"}),
        reverse("episode_chapters", kwargs={"guid": guid}),
        reverse("episode_audio", kwargs={"guid": guid, "ext": "mp3"}),
        reverse("episode_embed", kwargs={"guid": guid}),
    ]


def found_in_sitemap_feed_and_search(client, episode):
    feed = reverse("show_feed", kwargs={"slug": episode.get_parent().slug})
    return (
        episode.url in client.get("/sitemap.xml").content.decode(),
        str(episode.guid) in client.get(feed).content.decode(),
        episode.slug in episode_slugs(search(client)),
    )


def test_episode_dated_in_the_future_is_a_404_by_its_address(client, coming):
    response = client.get(coming.url)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    for address in documents_of(coming):
        assert client.get(address).status_code == 404, address


def test_episode_dated_in_the_future_is_left_out_of_sitemap_feeds_and_search(client, coming):
    assert found_in_sitemap_feed_and_search(client, coming) == (False, False, False)


def test_episode_appears_everywhere_when_its_time_comes(client, coming, monkeypatch):
    later = coming.publication_date + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get(coming.url)
    assert response.status_code == 200
    assert "Avant-première" not in response.content.decode()
    assert found_in_sitemap_feed_and_search(client, coming) == (True, True, True)
    for address in documents_of(coming):
        assert client.get(address).status_code == 200, address


def test_episode_dated_in_the_future_is_shown_to_who_may_edit_it_never_cached(
    client, coming, django_user_model
):
    editor = factories.make_member(django_user_model, "redactrice", factories.EDITORS)
    client.force_login(editor)
    response = client.get(coming.url)
    assert response.status_code == 200
    assert "Avant-première : cet épisode sera public le" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_episode_dated_in_the_future_stays_a_404_for_a_user_who_cannot_edit_it(
    client, coming, django_user_model
):
    visitor = django_user_model.objects.create_user("auditeur", "auditeur@example.org", "x")
    client.force_login(visitor)
    assert client.get(coming.url).status_code == 404


def test_a_knowledge_page_embeds_an_episode_only_once_it_is_published(client, home, coming):
    draft = factories.make_episode(
        show=coming.get_parent(), title="Brouillon secret", slug="brouillon", live=False
    )
    index = home.add_child(instance=KnowledgeIndexPage(title="Ressources", slug="ressources"))
    page = KnowledgePage(
        title="France Active", slug="france-active", body=[("episode", coming), ("episode", draft)]
    )
    index.add_child(instance=page)
    html = client.get(page.url).content.decode()
    assert "Épisode à venir" not in html and "Brouillon secret" not in html
