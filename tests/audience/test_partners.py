"""A member of « Association partenaire » sees only the figures of their associations' episodes."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db
DAYS = [timezone.now().astimezone(datetime.UTC).date() - datetime.timedelta(days=n) for n in (1, 2)]


@pytest.fixture
def partner_client(client, django_user_model, association):
    client.force_login(factories.make_partner(django_user_model, "beguinage", [association]))
    return client


@pytest.fixture
def figures(tagged_episode, episode):
    """The association's episode: 4 a day; another episode: 7 a day."""
    factories.make_download_figures(episodes=[tagged_episode], days=DAYS, per_day=4)
    from audience.models import EpisodeDay

    EpisodeDay.objects.bulk_create(
        [EpisodeDay(day=day, episode=episode, downloads=7, age=0) for day in DAYS]
    )


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_a_partner_sees_only_its_episodes(partner_client, figures, tagged_episode, episode):
    rows = csv_rows(partner_client.get(reverse("audience_episodes"), {"export": "csv"}))
    assert [row[1] for row in rows[1:]] == [tagged_episode.title]
    overview = partner_client.get(reverse("audience_overview")).content.decode()
    assert "<strong>8</strong>" in overview
    assert episode.title not in overview


def test_a_partners_breakdowns_are_limited_to_its_episodes(partner_client, figures):
    rows = csv_rows(
        partner_client.get(reverse("audience_breakdown", args=["app"]), {"export": "csv"})
    )
    assert sum(int(row[1]) for row in rows[1:]) == 8


def test_a_partner_cannot_edit_pages(partner_client, tagged_episode):
    response = partner_client.get(reverse("wagtailadmin_pages:edit", args=[tagged_episode.pk]))
    assert response.status_code in (302, 403)
    assert partner_client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)


def test_someone_without_a_role_sees_no_figures(client, django_user_model):
    user = django_user_model.objects.create_user("curieux", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("audience_overview")).status_code in (302, 403)
    assert "Audience" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_listener_of_two_of_its_episodes_is_one_listener_of_the_association(
    client, monkeypatch, django_user_model, show, association, long_episode
):
    from tests.audience.helpers import SPOTIFY, Listener, downloads, moment

    def ninety_seconds(title, **fields):
        audio = factories.make_audio(title=title, seconds=90, bitrate=32, sample_rate=22050)
        return factories.make_episode(show=show, title=title, audio=audio, **fields)

    first = ninety_seconds("Béguinage à Lille", associations=[association])
    second = ninety_seconds("Béguinage à Arras", associations=[association])
    march = moment("2026-03-02 08:00")
    both = Listener(client, monkeypatch, address="90.84.12.7", user_agent=SPOTIFY)
    both.fetch(first, march)
    both.fetch(second, march)
    Listener(client, monkeypatch, address="90.84.12.8").fetch(second, march)
    Listener(client, monkeypatch, address="90.84.12.9").fetch(long_episode, march)
    assert downloads(when=moment("2026-03-04 12:00")) == 4

    period = {"since": "2026-03-01", "until": "2026-03-31"}
    listeners = "Auditeurs uniques, tout mars 2026 <strong>{}</strong>"
    client.force_login(factories.make_partner(django_user_model, "lilas", [association]))
    partner = client.get(reverse("audience_overview"), period).content.decode()
    assert listeners.format(2) in partner  # not 3, the sum of its two episodes' listeners
    client.force_login(django_user_model.objects.create_superuser("equipe", "e@radio.example"))
    team = client.get(reverse("audience_overview"), period).content.decode()
    assert listeners.format(3) in team
