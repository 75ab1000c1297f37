"""The page tree keeps its shape: home › shows › episodes, home › resources › pages."""

import pytest

from episodes.models import (
    EpisodePage,
    HomePage,
    KnowledgeIndexPage,
    KnowledgePage,
    PodcastPage,
)


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (PodcastPage, HomePage, True),
        (EpisodePage, PodcastPage, True),
        (KnowledgeIndexPage, HomePage, True),
        (KnowledgePage, KnowledgeIndexPage, True),
        (EpisodePage, HomePage, False),
        (EpisodePage, KnowledgeIndexPage, False),
        (PodcastPage, PodcastPage, False),
        (KnowledgePage, HomePage, False),
        (HomePage, HomePage, False),
    ],
)
def test_page_types_only_go_where_they_belong(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_episodes_have_no_children():
    assert EpisodePage.allowed_subpage_models() == []


def test_an_episode_cannot_be_created_under_the_home_page(home):
    assert not EpisodePage.can_create_at(home)
    assert PodcastPage.can_create_at(home)


def test_there_is_only_one_home_page(home):
    assert not HomePage.can_create_at(home.get_parent())
