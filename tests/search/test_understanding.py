"""What the search understands of a visitor's words: corrections, synonyms, stems, partial
matches, and the help of an empty page, on the demo content."""

import pytest
from django.db import connection

from episodes.models import EpisodePage, PodcastPage
from tests import factories
from tests.search.helpers import episode_slugs, partial_slugs, search


def status(html):
    return html.split('role="status" aria-live="polite">', 1)[1].split("</div>", 1)[0]


def test_a_typo_is_corrected_from_the_index_and_said(client, demo):
    html = search(client, q="beguinnage")
    assert episode_slugs(html) == ["habitat-inclusif"]
    assert "Résultats pour <strong>béguinage</strong> (au lieu de beguinnage)." in html
    assert '<a href="?q=beguinnage&amp;exact=1">Rechercher plutôt « beguinnage »</a>' in html
    assert "1 épisode pour « béguinage »" in status(html)


def test_the_original_spelling_can_still_be_searched(client, demo):
    html = search(client, q="beguinnage", exact=1)
    assert "au lieu de" not in html
    assert "Aucun résultat pour « beguinnage »." in html


def test_names_of_associations_and_people_are_corrected(client, demo):
    assert "Résultats pour <strong>Wimoov</strong> (au lieu de wimov)" in search(client, q="wimov")
    html = search(client, q="Anne Delhome")
    assert "Résultats pour <strong>Anne Delhomme</strong>" in html
    assert episode_slugs(html) == ["wimoov"]


def test_an_unsure_correction_is_only_suggested(client, demo):
    html = search(client, q="begiunnage")
    assert "Résultats pour" not in html and episode_slugs(html) == []
    assert 'Vouliez-vous dire <a href="?q=b%C3%A9guinage">béguinage</a>&nbsp;?' in html


def test_a_word_of_the_index_is_never_corrected(client, demo):
    assert "au lieu de" not in search(client, q="jouets")


@pytest.mark.parametrize("query", ["handicapé", "handicapés", "handicap", "Handicapée"])
def test_handicap_and_handicape_find_the_same_episodes(client, demo, query):
    assert sorted(episode_slugs(search(client, q=query))) == [
        "bretagne-ateliers",
        "ecodair",
        "habitat-inclusif",
    ]


def test_reconditionne_finds_reconditionnement(client, demo):
    assert "ecodair" in episode_slugs(search(client, q="reconditionné"))


def test_the_visitors_exact_word_ranks_before_words_of_the_same_stem(client, demo):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL's tsvectors keep stems only (search/backends/postgres.py)")
    show = PodcastPage.objects.get()
    factories.make_episode(show=show, title="Handicapés : le droit au travail", slug="droit")
    factories.make_episode(show=show, title="Vivre avec un handicap", slug="vivre")
    assert episode_slugs(search(client, q="handicap"))[0] == "vivre"
    assert episode_slugs(search(client, q="handicapés"))[0] == "droit"


def test_a_synonym_group_finds_what_the_content_calls_otherwise(client, demo):
    for query in ("seniors", "personnes âgées", "aînés"):
        assert episode_slugs(search(client, q=query)) == ["habitat-inclusif"], query


def test_partial_matches_come_after_full_ones_and_are_announced(client, demo):
    html = search(client, q="insertion professionnelle")
    assert episode_slugs(html) == [] and partial_slugs(html) == ["ecodair"]
    assert (
        "Aucun épisode pour « insertion professionnelle », 1 contenant une partie des mots."
        in status(html)
    )
    html = search(client, q="jouets d'occasion")
    assert episode_slugs(html) == ["yoti"] and partial_slugs(html) == ["ecodair"]


def test_stop_words_are_ignored(client, demo):
    assert episode_slugs(search(client, q="le béguinage et les")) == ["habitat-inclusif"]
    assert "Aucun résultat pour « de la »." in search(client, q="de la")


def test_an_empty_result_page_offers_the_themes_and_episodes_to_listen_to(client, demo):
    html = search(client, q="zygomatique")
    help_section = html.split('id="search-help"', 1)[1].split("</section>", 1)[0]
    assert 'href="/themes/habitat-inclusif/">Habitat inclusif</a>' in help_section
    assert "Épisodes récents" in help_section and "Ecodair : le choix vertueux" in help_section


def test_a_transcript_passage_marks_words_of_the_same_stem(client, demo):
    html = search(client, q="handicapés")
    assert "situation de <mark>handicap</mark>" in html


def test_a_correction_finding_nothing_either_is_only_suggested(client, show):
    factories.make_episode(show=show, title="Permaculture", slug="permaculture")
    EpisodePage.objects.get(slug="permaculture").unpublish()  # its words stay in the vocabulary
    html = search(client, q="permaculure")
    assert "Résultats pour" not in html
    assert "Vouliez-vous dire" in html and "Aucun résultat pour « permaculure »." in html
