"""What the search understands of a visitor's words: corrections, synonyms, stems, partial
matches, and the help of an empty page, on the demo content."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

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


def listened(days_ago, episode_slug, per_day):
    """Downloads of an episode on each of these days back from today, as aggregation writes them."""
    today = timezone.now().date()
    days = [today - datetime.timedelta(days=number) for number in days_ago]
    episode = EpisodePage.objects.get(slug=episode_slug)
    factories.make_download_figures(episodes=[episode], days=days, per_day=per_day)


EPISODE_LINK = re.compile(r'<li><a href="[^"]+">([^<]+)</a></li>')


def suggested_titles(html):
    """The heading of the episodes an empty result page offers, and their titles."""
    help_section = html.split('id="search-help"', 1)[1].split("</section>", 1)[0]
    heading, episodes = help_section.split("<h3>", 1)[1].split("</h3>", 1)
    return heading, [unescape(title) for title in EPISODE_LINK.findall(episodes)]


def test_an_empty_result_page_offers_the_most_listened_episodes_of_the_last_30_days(client, demo):
    listened(range(0, 5), "yoti", per_day=4)  # 20 downloads
    listened(range(5, 10), "wimoov", per_day=3)  # 15
    listened(range(29, 30), "habitat-inclusif", per_day=2)  # 2, on the 30th day back
    listened(range(30, 40), "ecodair", per_day=50)  # many, but earlier
    heading, titles = suggested_titles(search(client, q="zygomatique"))
    assert heading == "Les plus écoutés ces 30 derniers jours"
    expected = [EpisodePage.objects.get(slug=slug).title for slug in ("yoti", "wimoov")]
    assert titles == [*expected, EpisodePage.objects.get(slug="habitat-inclusif").title]


def test_an_unpublished_episode_is_not_offered_however_listened(client, demo):
    listened(range(0, 3), "yoti", per_day=9)
    listened(range(3, 6), "wimoov", per_day=1)
    EpisodePage.objects.get(slug="yoti").unpublish()
    _, titles = suggested_titles(search(client, q="zygomatique"))
    assert titles == [EpisodePage.objects.get(slug="wimoov").title]


def test_the_most_listened_episodes_are_read_once_an_hour_not_at_each_empty_search(client, demo):
    listened(range(0, 3), "yoti", per_day=9)
    search(client, q="zygomatique")
    with CaptureQueriesContext(connection) as context:
        html = search(client, q="zygomatique")
    assert EpisodePage.objects.get(slug="yoti").title in suggested_titles(html)[1]
    assert not any("audience_episodeday" in query["sql"] for query in context.captured_queries)
