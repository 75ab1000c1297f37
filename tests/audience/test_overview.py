"""The overview report over many days and episodes: what it shows, and that it asks the database
the same number of questions however many episodes were listened to."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from audience import figures
from audience.admin.labels import DayNames
from audience.figures import Period
from audience.models import DayFigures
from tests import factories

pytestmark = pytest.mark.django_db
UNTIL = datetime.date(2026, 3, 2)
DAYS = [UNTIL - datetime.timedelta(days=n) for n in range(60)]
PERIOD = {"since": DAYS[-1].isoformat(), "until": UNTIL.isoformat()}


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(factories.make_member(django_user_model, "redac", factories.EDITORS))
    return client


def overview_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("audience_overview"), PERIOD).status_code == 200
    return len(queries)


def test_overview_queries_do_not_grow_with_episodes(editor_client, show, episode):
    factories.make_download_figures(episodes=[episode], days=DAYS)
    with_one = overview_queries(editor_client)
    others = [factories.make_episode(show=show, title=f"Épisode {n}") for n in range(4)]
    DayFigures.objects.all().delete()  # the radio's daily totals, rewritten for five episodes
    factories.make_download_figures(episodes=others, days=DAYS, per_day=1)
    assert overview_queries(editor_client) == with_one


def test_overview_table_names_every_day_in_french_newest_first(editor_client, episode):
    factories.make_download_figures(episodes=[episode], days=DAYS)
    html = editor_client.get(reverse("audience_overview"), PERIOD).content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == len(DAYS)
    assert html.index("<td>lundi 2 mars 2026</td>") < html.index("<td>dimanche 1 mars 2026</td>")
    assert '<th scope="col">Jour (UTC)</th>' in html
    assert "<title>2 mars : 3</title>" in html  # the chart's bar of the same day


def test_day_names_are_those_django_writes(settings):
    with translation.override("fr"):
        names = DayNames()
        for day in (UNTIL, datetime.date(2025, 8, 31), datetime.date(2024, 2, 29)):
            assert names.long(day) == date_format(day, "l j F Y")
            assert names.short(day) == date_format(day, "j F")


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        # No whole month: daily rows only. The episode: 17 days of January, 10 of February.
        ("2026-01-15", "2026-02-10", {"episode": 81, "other": 80}),
        # February whole (its monthly sum) and 17 days of January.
        ("2026-01-15", "2026-02-28", {"episode": 135, "other": 80}),
        # January and February whole.
        ("2026-01-01", "2026-02-28", {"other": 120, "episode": 177}),
    ],
)
def test_top_episodes_count_exactly_the_days_of_the_period(show, episode, since, until, expected):
    episodes = {"episode": episode, "other": factories.make_episode(show=show, title="Un autre")}
    january = datetime.date(2026, 1, 1)
    every_day = [january + datetime.timedelta(days=n) for n in range(59)]  # to 28 February
    factories.make_download_figures(episodes=[episode], days=every_day)  # 3 a day
    DayFigures.objects.all().delete()
    some_days = [datetime.date(2026, 1, 14), datetime.date(2026, 1, 15), every_day[31]]
    factories.make_download_figures(episodes=[episodes["other"]], days=some_days, per_day=40)
    period = Period(datetime.date.fromisoformat(since), datetime.date.fromisoformat(until))
    ranking = sorted(expected.items(), key=lambda pair: -pair[1])
    assert figures.most_downloaded(period) == [(episodes[name].pk, n) for name, n in ranking]
