"""« Agents inconnus »: the team sees the user agents OPAWG does not know, to report them."""

import csv
import io

import pytest
from django.urls import reverse

from audience.user_agents import classify
from tests import factories
from tests.audience.helpers import SPOTIFY, Listener, downloads, moment

pytestmark = pytest.mark.django_db
HOMEMADE = "LecteurMaison/0.3 (radio associative)"
URL = reverse("audience_unknown_agents")


@pytest.fixture
def listened(client, monkeypatch, long_episode):
    """An unknown app on two days (three requests), Spotify once; both days final."""
    assert classify(HOMEMADE).kind == "unknown"
    homemade = Listener(client, monkeypatch, address="90.84.12.7", user_agent=HOMEMADE)
    homemade.fetch(long_episode, moment("2026-03-02 08:00"), byte_range="0-1")
    homemade.fetch(long_episode, moment("2026-03-02 08:01"))
    homemade.fetch(long_episode, moment("2026-03-03 19:00"))
    Listener(client, monkeypatch, user_agent=SPOTIFY).fetch(long_episode, moment("2026-03-03 9:00"))
    assert downloads(when=moment("2026-03-05 12:00")) == 3
    client.logout()


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(factories.make_member(django_user_model, "redac", factories.EDITORS))
    return client


def test_the_team_sees_unknown_agents_with_counts_and_last_day(listened, editor_client):
    response = editor_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Audience : agents inconnus" in html
    assert HOMEMADE in html and "Spotify" not in html  # Spotify is in OPAWG's list
    assert "3 mars 2026" in html  # last seen, in French
    assert "90.84" not in html  # no address, ever


def test_unknown_agents_export_as_csv(listened, editor_client):
    response = editor_client.get(URL, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        ["Agent utilisateur (User-Agent)", "Requêtes", "Vu pour la dernière fois (jour UTC)"],
        [HOMEMADE, "3", "2026-03-03"],
    ]


def test_the_audience_menu_lists_unknown_agents_for_the_team(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Agents inconnus" in html and URL in html


def test_partner_associations_do_not_see_unknown_agents(
    listened, client, django_user_model, association
):
    client.force_login(factories.make_partner(django_user_model, "beguinage", [association]))
    response = client.get(URL, follow=True)  # Wagtail sends them back to the admin's home
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert HOMEMADE not in response.content.decode()
    assert URL not in response.content.decode()  # nor in their menu


def test_no_unknown_agent_says_so(editor_client):
    html = editor_client.get(URL).content.decode()
    assert "Aucun agent inconnu" in html
