"""An episode scheduled in the admin reaches the site and the feeds at its time, not before."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from episodes.models import EpisodePage
from tests import factories
from tests.editor.helpers import add_url, episode_form, feed_titles, later, speaker
from tests.factories import ADMINISTRATORS, EDITORS, make_member

TITLE = "Yoti : la seconde vie des objets"


def on_site(client, show):
    response = client.get(show.url)
    assert response.status_code == 200
    return TITLE in response.content.decode()


def test_episode_scheduled_in_the_admin_goes_out_at_its_time(administrator_client, show):
    go_live_at = timezone.localtime() + datetime.timedelta(hours=1)
    form = episode_form(
        factories.make_audio(),
        speakers=[speaker(factories.make_person())],
        publication_date=go_live_at.strftime("%Y-%m-%d %H:%M"),
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


def test_a_future_publication_date_schedules_the_episode_and_says_when(administrator_client, show):
    form = episode_form(
        factories.make_audio(),
        publication_date="2030-12-03 09:00",
        **{"action-publish": "publish"},
    )
    response = administrator_client.post(add_url(show), form, follow=True)
    episode = EpisodePage.objects.get(title=TITLE)
    assert not episode.live
    scheduled = timezone.localtime(episode.scheduled_revision.approved_go_live_at)
    assert (scheduled.year, scheduled.month, scheduled.day, scheduled.hour) == (2030, 12, 3, 9)
    shown = response.content.decode()
    assert f"L&#x27;épisode « {TITLE} » sera publié le 3 décembre 2030 à 9 h 00." in shown
    assert "programmée pour publication" not in shown


def test_a_past_publication_date_publishes_at_once(administrator_client, show):
    form = episode_form(
        factories.make_audio(), publication_date="2026-01-05 08:30", **{"action-publish": "p"}
    )
    assert administrator_client.post(add_url(show), form).status_code == 302
    episode = EpisodePage.objects.get(title=TITLE)
    assert episode.live and episode.scheduled_revision is None
    assert feed_titles(administrator_client, show) == [TITLE]


def test_the_publication_date_is_on_the_main_tab_with_its_schedule_button(
    client, django_user_model, show
):
    client.force_login(make_member(django_user_model, "administratrice", ADMINISTRATORS))
    html = client.get(add_url(show)).content.decode()
    content_tab = html[html.index('id="tab-contenu"') : html.index('id="tab-details"')]
    assert 'name="publication_date"' in content_tab
    assert "Programmer la publication" in content_tab
    assert "Cet épisode sera publié le %(when)s." in content_tab
    assert 'name="go_live_at"' not in html  # one place to schedule: Wagtail's dialog is gone
    client.force_login(make_member(django_user_model, "redactrice", EDITORS))
    assert "Programmer la publication" not in client.get(add_url(show)).content.decode()
