"""An episode scheduled in the admin reaches the site and the feeds at its time, not before."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from episodes.models import EpisodePage
from tests import factories
from tests.editor.helpers import add_url, episode_form, feed_titles, speaker

TITLE = "Yoti : la seconde vie des objets"


def later(hours):
    """timezone.now, moved forward: every caller (Wagtail, our querysets) sees the same time."""
    real_now = timezone.now
    return mock.patch(
        "django.utils.timezone.now", lambda: real_now() + datetime.timedelta(hours=hours)
    )


def on_site(client, show):
    response = client.get(show.url)
    assert response.status_code == 200
    return TITLE in response.content.decode()


def test_episode_scheduled_in_the_admin_goes_out_at_its_time(administrator_client, show):
    go_live_at = timezone.localtime() + datetime.timedelta(hours=1)
    form = episode_form(
        factories.make_audio(),
        speakers=[speaker(factories.make_person())],
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "publish"},
    )
    assert administrator_client.post(add_url(show), form).status_code == 302
    episode = EpisodePage.objects.get(title=TITLE)
    assert not episode.live
    assert feed_titles(administrator_client, show) == [] and not on_site(administrator_client, show)

    call_command("publish_scheduled", verbosity=0)  # too early: nothing happens
    assert feed_titles(administrator_client, show) == []
    with later(hours=2):
        call_command("schedule_jobs", verbosity=0)
        assert feed_titles(administrator_client, show) == [TITLE]
        assert on_site(administrator_client, show)
        episode.refresh_from_db()
        assert episode.live
        assert episode.publication_date == go_live_at.replace(second=0, microsecond=0)
        assert administrator_client.get(episode.url).status_code == 200


def test_live_episode_with_a_future_publication_date_waits_for_it(client, show):
    soon = timezone.now() + datetime.timedelta(hours=1)
    factories.make_episode(show=show, title=TITLE, publication_date=soon)
    assert feed_titles(client, show) == []  # this feed is now cached under its version
    assert not on_site(client, show)
    with later(hours=2):
        assert feed_titles(client, show) == [TITLE]
        assert on_site(client, show)
