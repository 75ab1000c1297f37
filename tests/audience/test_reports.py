"""The « Audience » admin reports as the radio's team reads and exports them."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.now().astimezone(datetime.UTC).date()
LAST_WEEK = [TODAY - datetime.timedelta(days=n) for n in range(7)]
FRENCH_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
WEEK_BEFORE = [TODAY - datetime.timedelta(days=n) for n in range(7, 14)]


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(factories.make_member(django_user_model, "redac", factories.EDITORS))
    return client


@pytest.fixture
def figures(tagged_episode, episode):
    factories.make_download_figures(episodes=[tagged_episode], days=LAST_WEEK, per_day=3)
    factories.make_download_figures(episodes=[episode], days=WEEK_BEFORE, per_day=2)


def test_overview_shows_the_periods_downloads_chart_and_table(editor_client, figures):
    response = editor_client.get(reverse("audience_overview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="audience-chart" role="img"' in html
    assert "Téléchargements par jour" in html
    assert "<strong>35</strong>" in html  # 7 × 3 + 7 × 2 over the last 30 days
    # The chart's day labels name the month in French, in full (« 2 novembre »).
    assert any(f" {month}</text>" in html for month in FRENCH_MONTHS)


def test_the_overview_exports_its_table_as_csv_and_xlsx(editor_client, figures):
    url = reverse("audience_overview")
    response = editor_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Jour (UTC)", "Téléchargements", "Auditeurs uniques"]
    assert rows[1][:2] == [TODAY.isoformat(), "3"]
    workbook = load_workbook(io.BytesIO(editor_client.get(url, {"export": "xlsx"}).getvalue()))
    assert workbook.active.max_row == 31  # heading + 30 days


def test_launch_pace_compares_first_days(editor_client, figures, tagged_episode):
    response = editor_client.get(reverse("audience_episodes"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(row for row in rows if row["GUID"] == str(tagged_episode.guid))
    assert (row["1er jour"], row["7 premiers jours"], row["Depuis la publication"]) == (
        "3",
        "3",
        "21",
    )


def test_figures_by_association_theme_and_show(editor_client, figures, association, theme):
    for kind, name in (("association", association.name), ("theme", theme.name)):
        html = editor_client.get(reverse("audience_groups", args=[kind])).content.decode()
        assert name in html
    shows = editor_client.get(reverse("audience_groups", args=["show"]), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(shows.streaming_content).decode())))
    assert rows[1] == ["Radio des Territoires", "2", "35", "35"]


@pytest.mark.parametrize("kind", ["app", "device", "country", "hour", "weekday"])
def test_every_breakdown_has_a_chart_and_a_table(editor_client, figures, kind):
    response = editor_client.get(reverse("audience_breakdown", args=[kind]))
    assert response.status_code == 200
    assert "audience-chart" in response.content.decode()


def test_apps_and_countries_are_named_in_french(editor_client, figures):
    apps = editor_client.get(reverse("audience_breakdown", args=["app"])).content.decode()
    assert "Spotify" in apps and "Apple Podcasts" in apps
    countries = editor_client.get(reverse("audience_breakdown", args=["country"]))
    assert "France (FR)" in countries.content.decode()


def test_an_unknown_breakdown_is_a_404(editor_client):
    assert editor_client.get("/admin/audience/repartition/ip/").status_code == 404


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2026-02-30", "", "Saisissez une date valide."),
        ("2026-03-10", "2026-03-01", "La date de début doit précéder la date de fin."),
        ("2000-01-01", "2026-01-01", "trois ans au plus"),
    ],
)
def test_a_wrong_period_is_named_in_french(editor_client, since, until, message):
    response = editor_client.get(reverse("audience_overview"), {"since": since, "until": until})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_admin_home_compares_the_last_7_days_with_the_7_before(editor_client, figures):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>21</strong> téléchargements ces 7 derniers jours" in html
    assert "contre 14 les 7 jours précédents, soit 50" in html


def test_audience_report_prints_one_csv_row_per_episode(figures, tagged_episode, episode):
    out = io.StringIO()
    call_command("audience_report", "--since", WEEK_BEFORE[-1].isoformat(), stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["guid", "title", "downloads", "listeners"]
    assert rows[1:] == [
        [str(tagged_episode.guid), tagged_episode.title, "21", "0"],
        [str(episode.guid), episode.title, "14", "0"],
    ]


def test_the_public_page_says_what_is_kept_and_the_footer_links_it(client, home):
    page = client.get(reverse("audience_how_we_measure"))
    assert "Jamais votre adresse IP" in page.content.decode()
    assert page["Content-Security-Policy"].startswith("default-src 'self'")
    footer = client.get(reverse("theme_list")).content.decode()
    assert 'href="/comment-nous-mesurons-l-audience/"' in footer
