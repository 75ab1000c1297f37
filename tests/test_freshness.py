"""One answer to "has the content changed?" (episodes/freshness.py): every change visitors and
podcast apps can see reaches the search and the feeds at once, with no signal and no shared
cache, whichever process made it."""

from wagtail.models import PageLogEntry, PageViewRestriction

from episodes.freshness import content_stamps
from episodes.models import Association, EpisodePage, Event, PodcastPage, Theme
from tests import factories
from tests.feeds.helpers import items_of
from tests.search.helpers import episode_slugs, search


def show_feed_titles(client, show):
    return [
        item.findtext("title")
        for item in items_of(client.get(f"/podcasts/{show.slug}/feed.xml").content)
    ]


def test_a_published_episode_is_searched_and_in_the_feed_at_once(client, demo):
    show = PodcastPage.objects.get()
    assert "autre-beguinage" not in episode_slugs(search(client))
    factories.make_episode(show=show, title="Un autre béguinage", slug="autre-beguinage")
    assert "autre-beguinage" in episode_slugs(search(client))
    assert "Un autre béguinage" in show_feed_titles(client, show)


def test_an_unpublished_episode_leaves_the_search_and_the_feed(client, demo):
    episode = EpisodePage.objects.get(slug="wimoov")
    assert "wimoov" in episode_slugs(search(client))
    episode.unpublish()
    assert "wimoov" not in episode_slugs(search(client))
    assert episode.title not in show_feed_titles(client, PodcastPage.objects.get())


def test_a_deleted_episode_leaves_the_search(client, demo):
    assert "yoti" in episode_slugs(search(client))
    EpisodePage.objects.get(slug="yoti").delete()
    assert "yoti" not in episode_slugs(search(client))


def test_a_moved_episode_changes_the_stamps_and_the_feeds(client, demo, home):
    main_show = PodcastPage.objects.get()
    other = factories.make_show(parent=main_show.get_parent(), title="Autre", slug="autre")
    episode = EpisodePage.objects.get(slug="wimoov")
    before = content_stamps()
    episode.move(other, pos="last-child")
    assert content_stamps() != before
    assert episode.title in show_feed_titles(client, other)
    assert episode.title not in show_feed_titles(client, main_show)


def test_a_view_restriction_hides_the_episode_until_it_is_lifted(client, demo):
    episode = EpisodePage.objects.get(slug="ecodair")
    restriction = PageViewRestriction.objects.create(page=episode, restriction_type="login")
    assert "ecodair" not in episode_slugs(search(client))
    assert episode.title not in show_feed_titles(client, PodcastPage.objects.get())
    restriction.delete()
    assert "ecodair" in episode_slugs(search(client))


def test_a_renamed_event_is_offered_under_its_new_name(client, demo):
    event = Event.objects.get(episodes__slug="wimoov")
    event.name = "Forum des associations 2025"
    event.save()
    assert "Forum des associations 2025" in search(client)


def test_an_association_s_new_region_is_offered_as_a_territory(client, demo):
    association = Association.objects.get(episodepage__slug="wimoov")
    association.region = "Occitanie"
    association.save()
    assert "wimoov" in episode_slugs(search(client, region="Occitanie"))


def test_an_episode_s_new_theme_is_counted_once_republished(client, demo):
    episode = EpisodePage.objects.get(slug="yoti")
    theme = Theme.objects.get(slug="habitat-inclusif")
    assert "yoti" not in episode_slugs(search(client, theme=theme.slug))
    episode.themes.add(theme)
    episode.save_revision().publish()
    assert "yoti" in episode_slugs(search(client, theme=theme.slug))


def test_an_association_s_themes_saved_with_it_change_the_stamps(demo):
    association = Association.objects.get(episodepage__slug="wimoov")
    before = content_stamps()
    association.themes.add(Theme.objects.get(slug="habitat-inclusif"))
    association.save()  # as the snippet editor does, links and row together
    assert content_stamps() != before


def test_a_page_added_in_bulk_moves_the_stamps(demo):
    """Bulk writers (tests/bench/seed.py) leave no log entry: the newest page id tells."""
    before = content_stamps()
    page = factories.make_home()
    PageLogEntry.objects.filter(page=page).delete()
    assert content_stamps() != before
