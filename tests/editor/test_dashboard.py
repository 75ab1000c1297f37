"""The admin home lists the episodes that cannot go out as they are, and the scheduled ones."""

import datetime
import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from episodes.editor.dashboard import episodes_to_complete
from episodes.models import EpisodePage, EpisodeSpeaker, Person
from tests import factories
from tests.editor.helpers import add_url, edit_url, episode_form, speaker
from tests.factories import EDITORS, make_full_episode, make_member


def text_of(cell):
    """A cell's text as the editor reads it: tags left out, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", cell.lstrip(">")))


def panel_rows(client):
    """The panel's rows as {title: (what is missing, scheduled time)}."""
    html = client.get("/admin/").content.decode()
    panel = html.split('id="episodes-to-complete-section"', 1)[1].split("</section>", 1)[0]
    rows = {}
    for row in panel.split("<tr>")[2:]:
        cells = [cell.split("</td>")[0] for cell in row.split("<td")[1:]]
        title = cells[0].split('">', 2)[-1].split("</a>")[0]
        rows[title] = (text_of(cells[1]), cells[2].lstrip(">"))
    return rows


def test_complete_episode_is_not_listed(administrator_client, show):
    make_full_episode(show=show, title="Complet")
    EpisodeSpeaker.objects.update(consent_given=True)
    assert "Complet" not in panel_rows(administrator_client)
    assert "Aucun épisode à compléter" in administrator_client.get("/admin/").content.decode()


def test_panel_names_what_each_episode_lacks_with_a_link_to_edit_it(administrator_client, show):
    bare = factories.make_episode(show=show, title="Sans rien")
    bare.speakers = [EpisodeSpeaker(person=Person.objects.create(name="Marie Dupont"))]
    bare.save()
    full = make_full_episode(show=show, title="Consentement manquant")
    rows = panel_rows(administrator_client)
    assert rows["Sans rien"][0] == (
        "transcription, consentement (suggestion facultative : pochette de l'épisode)"
    )
    assert rows["Consentement manquant"][0] == "consentement"
    html = administrator_client.get("/admin/").content.decode()
    assert f'href="{edit_url(bare)}"' in html and f'href="{edit_url(full)}"' in html


def test_an_episode_lacking_only_its_optional_artwork_is_not_listed(administrator_client, show):
    episode = make_full_episode(show=show, title="Sans pochette")
    EpisodeSpeaker.objects.update(consent_given=True)
    EpisodePage.objects.filter(pk=episode.pk).update(artwork=None)
    assert "Sans pochette" not in panel_rows(administrator_client)


def test_episode_awaiting_approval_is_listed(client, django_user_model, show):
    client.force_login(make_member(django_user_model, "redactrice", EDITORS))
    form = episode_form(
        factories.make_audio(),
        speakers=[speaker(factories.make_person())],
        **{"action-submit": "1"},
    )
    client.post(add_url(show), form)
    assert panel_rows(client)["Yoti : la seconde vie des objets"][0] == (
        "transcription, validation (suggestion facultative : pochette de l'épisode)"
    )


def test_scheduled_episodes_are_listed_with_their_time(administrator_client, show):
    go_live_at = timezone.localtime() + datetime.timedelta(days=3)
    form = episode_form(
        factories.make_audio(),
        speakers=[speaker(factories.make_person())],
        publication_date=go_live_at.strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "1"},
    )
    administrator_client.post(add_url(show), form)
    later = timezone.now() + datetime.timedelta(days=5)
    factories.make_episode(show=show, title="Daté plus tard", publication_date=later)
    rows = panel_rows(administrator_client)
    assert go_live_at.strftime("%H:%M") in rows["Yoti : la seconde vie des objets"][1]
    assert timezone.localtime(later).strftime("%H:%M") in rows["Daté plus tard"][1]


def test_panel_reads_the_same_number_of_queries_for_one_or_many_episodes(show):
    factories.make_episode(show=show, title="Premier")
    episodes_to_complete()  # warms the content type cache
    with CaptureQueriesContext(connection) as one:
        assert len(episodes_to_complete()) == 1
    for number in range(5):
        factories.make_episode(show=show, title=f"Épisode {number}", slug=f"episode-{number}")
    with CaptureQueriesContext(connection) as six:
        assert len(episodes_to_complete()) == 6
    assert len(six) == len(one) == 1
