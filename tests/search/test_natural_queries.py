"""The quality set: visitors' natural queries find the testimony they mean, in the top 3."""

from tests.search.helpers import NATURAL_QUERIES, missed_queries


def test_the_quality_set_covers_at_least_forty_queries():
    assert len(NATURAL_QUERIES) >= 40


def test_every_natural_query_finds_its_page_in_the_top_three(client, demo):
    assert missed_queries(client) == []
