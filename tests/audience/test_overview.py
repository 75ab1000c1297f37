"""The overview report over many days and episodes: what it shows, and that it asks the database
the same number of questions however many episodes were listened to."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from audience.admin.labels import DayNames
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
