"""The search page on the demo content: French words, transcript passages and facets."""

import pytest

from episodes.models import Association, EpisodePage, Event, Theme
from tests.search.helpers import episode_slugs, partial_slugs, search


def test_search_without_accent_finds_the_beguinage_testimony(client, demo):
    assert episode_slugs(search(client, q="beguinage")) == ["habitat-inclusif"]


def test_transcript_hit_shows_the_passage_its_time_and_a_link_to_that_moment(client, demo):
    html = search(client, q="beguinage")
    episode = EpisodePage.objects.get(slug="habitat-inclusif")
    assert f'href="{episode.url}?t=12#t=12"' in html
    assert '<span class="time">0:12</span>' in html
    assert "Vivre en <mark>béguinage</mark>. Le <mark>béguinage</mark>, c&#x27;est" in html


@pytest.mark.parametrize("query", ["logements", "Logement", "colocations", "COLOCATION"])
def test_plural_and_case_do_not_matter(client, demo, query):
    assert episode_slugs(search(client, q=query)) == ["habitat-inclusif"]


@pytest.mark.parametrize("query", ["mobilité", "mobilite", "Mobilités"])
def test_mobilite_finds_wimoov(client, demo, query):
    assert episode_slugs(search(client, q=query)) == ["wimoov"]


def test_speaker_and_association_names_are_searched(client, demo):
    assert episode_slugs(search(client, q="Lafranche")) == ["bretagne-ateliers"]
    assert episode_slugs(search(client, q="Siel Bleu")) == ["habitat-inclusif"]


def test_episodes_with_every_word_come_before_those_with_some(client, demo):
    html = search(client, q="jouets béguinage")
    assert episode_slugs(html) == []
    assert sorted(partial_slugs(html)) == ["habitat-inclusif", "yoti"]
    assert '<h2 id="search-partial">Résultats contenant une partie des mots</h2>' in html


def test_associations_and_resources_are_listed_by_type(client, demo):
    html = search(client, q="accompagnement")
    assert '<p class="result-type">Association</p>' in html
    assert "Vivre en béguinage</a></h3>" in html
    html = search(client, q="France Active")
    assert '<p class="result-type">Ressource</p>' in html and "France Active</a></h3>" in html
    assert "Aucun épisode pour « France Active »." in html


def test_no_result_is_said_in_french(client, demo):
    assert "Aucun résultat pour « zygomatique »." in search(client, q="zygomatique")


def test_result_count_is_announced_politely(client, demo):
    html = search(client, q="FNAF 2024")
    status = html.split('role="status" aria-live="polite">', 1)[1].split("</div>", 1)[0]
    assert "2 épisodes pour « FNAF 2024 »" in status


def test_theme_facet_alone_lists_exactly_that_themes_episodes(client, demo):
    html = search(client, theme="habitat-inclusif")
    assert episode_slugs(html) == ["habitat-inclusif"]
    assert sorted(episode_slugs(search(client, theme="economie-circulaire"))) == [
        "ecodair",
        "yoti",
    ]


def test_theme_and_words_combine(client, demo):
    assert episode_slugs(search(client, q="reconditionnement", theme="economie-circulaire"))
    assert episode_slugs(search(client, q="reconditionnement", theme="habitat-inclusif")) == []
    assert episode_slugs(search(client, q="jouets", theme="economie-circulaire")) == ["yoti"]
    assert episode_slugs(search(client, q="jouets", theme="travail-adapte")) == []


def test_association_facet_lists_its_episodes(client, demo):
    assert episode_slugs(search(client, association="wimoov")) == ["wimoov"]


def test_event_and_year_facets_list_their_episodes(client, demo):
    fnaf_2024 = Event.objects.get(name="FNAF 2024")
    assert episode_slugs(search(client, event=fnaf_2024.pk)) == ["ecodair", "yoti"]
    assert episode_slugs(search(client, year=2021)) == ["wimoov", "bretagne-ateliers"]
    assert episode_slugs(search(client, year=2021, q="mobilité")) == ["wimoov"]


def test_region_facet_lists_the_episodes_of_that_territorys_associations(client, demo):
    assert episode_slugs(search(client, region="Bretagne")) == ["bretagne-ateliers"]


def test_facet_choices_show_counts_of_the_other_choices(client, demo):
    html = search(client, theme="habitat-inclusif")
    assert '<option value="habitat-inclusif" selected>Habitat inclusif (1)</option>' in html
    assert '<option value="economie-circulaire">Économie circulaire (2)</option>' in html
    assert '<option value="2021">2021 (0)' not in html
    assert '<option value="2022">2022 (1)</option>' in html


def test_unknown_facet_value_gives_no_episode_and_a_way_back(client, demo):
    html = search(client, theme="inconnu")
    assert episode_slugs(html) == []
    assert "Aucun épisode ne correspond à ces filtres." in html
    assert 'href="/recherche/">Effacer les filtres</a>' in html


def test_clearing_filters_keeps_the_query(client, demo):
    html = search(client, q="emploi", theme="travail-adapte")
    assert 'href="/recherche/?q=emploi">Effacer les filtres</a>' in html


def test_the_form_is_an_accessible_search_form(client, demo):
    html = search(client, q="emploi")
    assert 'role="search"' in html and '<label for="search-q">' in html
    assert "<fieldset" in html and "<legend>Affiner les épisodes</legend>" in html
    for name in ("theme", "association", "event", "year", "region"):
        assert f'<label for="facet-{name}">' in html and f'name="{name}"' in html


def test_unpublished_episodes_are_never_found(client, demo):
    EpisodePage.objects.get(slug="wimoov").unpublish()
    assert episode_slugs(search(client, q="mobilité")) == []
    assert "wimoov" not in episode_slugs(search(client, theme="travail-adapte"))


def test_facet_values_are_theme_and_association_slugs(client, demo):
    html = search(client)
    for slug in Theme.objects.values_list("slug", flat=True):
        assert f'<option value="{slug}">' in html
    for slug in Association.objects.values_list("slug", flat=True):
        assert f'<option value="{slug}">' in html


def test_other_search_backends_are_asked_through_wagtails_search_api(client, demo, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database.fallback"}
    }
    assert episode_slugs(search(client, q="Wimoov")) == ["wimoov"]
    assert "Aucun résultat" in search(client, q='"a" OR b -c * NEAR( )')
