"""Every page type renders for visitors, in French, showing only what is published."""

from django.utils import timezone

from episodes.models import (
    KnowledgeIndexPage,
    KnowledgePage,
)
from tests import factories


def test_home_page_lists_the_latest_episodes(client, tagged_episode):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="fr">' in response.content.decode()
    assert "Handicap et bien-vieillir" in response.content.decode()


def test_show_page_lists_its_episodes_and_feed(client, show, tagged_episode):
    response = client.get(show.url)
    assert response.status_code == 200
    assert "Handicap et bien-vieillir" in response.content.decode()
    assert show.feed_url in response.content.decode()


def test_episode_page_has_player_speakers_and_transcript(client, tagged_episode):
    html = client.get(tagged_episode.url).content.decode()
    assert 'preload="none"' in html
    assert f"/audio/{tagged_episode.guid}.mp3" in html
    assert 'Vincent Bel, président, <a href="/associations/vivre-en-beguinage/">' in html
    assert "Le béguinage." in html
    assert "0:12" in html


def test_theme_page_lists_its_published_episodes(client, theme, tagged_episode):
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Habitat inclusif" in html
    assert "Handicap et bien-vieillir" in html


def test_association_page_lists_its_episodes_and_territory(client, association, tagged_episode):
    html = client.get(association.get_absolute_url()).content.decode()
    assert "Hauts-de-France" in html
    assert "Handicap et bien-vieillir" in html


def test_theme_and_association_lists_count_published_episodes(client, theme, tagged_episode):
    assert "1 épisode" in client.get("/themes/").content.decode()
    assert "1 épisode" in client.get("/associations/").content.decode()


def test_unpublished_episode_is_neither_served_nor_listed(client, show, theme):
    draft = factories.make_episode(show=show, title="Brouillon secret", live=False, themes=[theme])
    assert client.get(f"{show.url}{draft.slug}/").status_code == 404
    assert "Brouillon secret" not in client.get(show.url).content.decode()
    assert "Brouillon secret" not in client.get(theme.get_absolute_url()).content.decode()


def test_episode_with_a_future_publication_date_is_not_listed_yet(client, show):
    later = timezone.now() + timezone.timedelta(days=2)
    factories.make_episode(show=show, title="Épisode à venir", publication_date=later)
    assert "Épisode à venir" not in client.get(show.url).content.decode()


def test_knowledge_pages_render_key_figures_and_embedded_episode(client, home, tagged_episode):
    index = home.add_child(instance=KnowledgeIndexPage(title="Ressources", slug="ressources"))
    page = KnowledgePage(
        title="France Active",
        slug="france-active",
        body=[
            ("heading", "Chiffres"),
            ("key_figures", [{"value": "42", "label": "associations territoriales"}]),
            ("quote", {"text": "Financer l'engagement.", "attribution": "France Active"}),
            ("episode", tagged_episode),
        ],
    )
    index.add_child(instance=page)
    assert "France Active" in client.get(index.url).content.decode()
    html = client.get(page.url).content.decode()
    assert "associations territoriales" in html
    assert "Financer l&#x27;engagement." in html
    assert "Handicap et bien-vieillir" in html


def test_unknown_page_gets_the_french_404(client, home):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_unknown_theme_gets_a_404(client, db):
    assert client.get("/themes/inconnu/").status_code == 404
