"""The search page under hostile input, at its page limits, and within its query budget."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes.models import EpisodePage, PodcastPage, Theme, TranscriptSegment
from tests import factories

HOSTILE_QUERY_STRINGS = [
    "q=",
    "q=" + "a" * 10_000,
    "q=%22a%22+OR+b+-c+*+NEAR(+)",
    "q=%22",
    "q=%27",
    "q=(",
    "q=*",
    "q=AND",
    "q=%00",
    "q=mobilit%00%C3%A9",
    "q=%C3%28",
    "q=%FF",
    "q=%",
    "q=%E2%80%AE%E2%80%8B",
    "q=" + "%C3%A9" * 5_000,
    "q=a&q=b",
    "q[]=x",
    "theme=%00",
    "theme=../../etc/passwd",
    "association=%FF",
    "event=-1",
    "event=99999999999999999999",
    "event=abc",
    "year=0",
    "year=99999",
    "year=2021.5",
    "region=%00",
    "page=%00",
    "page=1e9",
    "page=NaN",
    "page=" + "9" * 5_000,
]


@pytest.fixture
def more_episodes(demo):
    """Twelve more published episodes on mobility, each with a theme and a transcript."""
    show, theme = PodcastPage.objects.get(), Theme.objects.get(slug="travail-adapte")
    audio = factories.make_audio(seconds=1.0)
    for number in range(12):
        factories.make_episode(
            show=show,
            title=f"Mobilité solidaire, épisode {number}",
            slug=f"mobilite-{number}",
            audio=audio,
            summary="Se déplacer pour travailler.",
            publication_date=datetime.datetime(2023, 1, 1 + number, tzinfo=datetime.UTC),
            themes=[theme],
            transcript_segments=[
                TranscriptSegment(start_time=125.4, end_time=130, body="Mobilité et emploi")
            ],
        )


def get(client, query_string):
    return client.get(f"/recherche/?{query_string}")


def test_hostile_input_never_breaks_the_page(client, demo):
    for query_string in HOSTILE_QUERY_STRINGS:
        response = get(client, query_string)
        assert response.status_code == 200, query_string[:60]
        assert "Rechercher</button>" in response.content.decode(), query_string[:60]


def test_a_long_query_is_truncated(client, demo):
    html = get(client, "q=" + "a" * 10_000).content.decode()
    assert 'value="' + "a" * 200 + '"' in html and "a" * 201 not in html


def test_everything_echoed_is_escaped(client, demo):
    script = "<script>alert(1)</script>"
    html = client.get("/recherche/", {"q": script, "region": '"><img src=x onerror=alert(1)>'})
    html = html.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_result_pages_are_not_indexed(client, demo):
    for query_string in ("", "q=emploi", "theme=habitat-inclusif"):
        html = get(client, query_string).content.decode()
        assert '<meta name="robots" content="noindex">' in html


def test_results_are_paginated_with_the_query_and_facets_kept(client, more_episodes):
    html = get(client, "q=mobilit%C3%A9&theme=travail-adapte").content.decode()
    assert "13 épisodes pour « mobilité », page 1 sur 2." in html
    assert 'href="?q=mobilit%C3%A9&amp;theme=travail-adapte&amp;page=2"' in html
    assert 'aria-label="Page 1" aria-current="page"' in html


def test_transcript_passage_times_link_to_whole_seconds(client, more_episodes):
    html = get(client, "q=emploi&theme=travail-adapte").content.decode()
    assert '?t=125#t=125"' in html and '<span class="time">2:05</span>' in html


def test_absurd_page_numbers_give_the_first_or_last_page(client, more_episodes):
    pages = {"99999999999999999999": 2, "-1": 2, "0": 2, "abc": 1, "": 1, "2.5": 1, "2": 2}
    for page, current in pages.items():
        response = get(client, f"q=mobilit%C3%A9&page={page}")
        assert response.status_code == 200, page
        assert f'aria-label="Page {current}" aria-current="page"' in response.content.decode()


# Transaction control, not a query: PostgreSQL's index search runs in a savepoint of its own.
BOOKKEEPING = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL")


def count_queries(client, query_string):
    """The SQL queries a search page makes, transaction control left out."""
    with CaptureQueriesContext(connection) as context:
        assert get(client, query_string).status_code == 200
    return sum(not query["sql"].startswith(BOOKKEEPING) for query in context.captured_queries)


@pytest.mark.parametrize("query_string", ["q=mobilit%C3%A9", "theme=travail-adapte", ""])
def test_query_count_stays_small_and_does_not_grow_with_results(client, demo, query_string):
    get(client, query_string)  # fills the per-process caches (content types, site root paths)
    few = count_queries(client, query_string)
    show, audio = PodcastPage.objects.get(), EpisodePage.objects.first().audio
    for number in range(12):
        factories.make_episode(
            show=show,
            title=f"Mobilité {number}",
            slug=f"m-{number}",
            audio=audio,
            themes=list(Theme.objects.all()),
            transcript_segments=[TranscriptSegment(start_time=1, end_time=2, body="mobilité")],
        )
    # The first search after a change reads the catalogue of episodes again: three queries more.
    # A search finding few episodes also counts itself for the editors' report (one query less
    # once it finds more). A query's budget: the content stamps, the synonyms, the vocabulary's
    # stems, the index (on PostgreSQL in a transaction of its own), the page's episodes and
    # passages, associations, resources, editors' picks, the report's count.
    assert count_queries(client, query_string) <= few + 3
    assert count_queries(client, query_string) <= few <= 18
