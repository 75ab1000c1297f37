"""The screens editors and moderators use read in French: none of Wagtail's English is left,
nor any « (e) »-style placeholder, for a member of « Rédaction » or « Validation association »."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow

from episodes.models import Association, EpisodePage, Person
from tests import factories
from tests.editor.admin_screens import untranslated
from tests.editor.helpers import add_url, edit_url, episode_form, speaker
from tests.factories import ADMINISTRATORS, EDITORS, MODERATORS, PARTNERS, make_member


@pytest.fixture
def submitted(show, association, client):
    """A published episode and one an editor has just submitted to the association."""
    factories.make_full_episode(show=show)
    Page.objects.filter(title="Welcome to your new Wagtail site!").delete()  # not in our sites
    editor = make_member(get_user_model(), "redactrice", EDITORS)
    make_member(get_user_model(), "validatrice", MODERATORS)
    client.force_login(editor)
    person = Person.objects.first()
    form = episode_form(factories.make_audio(), speakers=[speaker(person)])
    assert client.post(add_url(show), form).status_code == 302
    episode = EpisodePage.objects.get(slug="yoti-seconde-vie")
    submit = episode_form(episode.audio, speakers=[speaker(person)], **{"action-submit": "submit"})
    assert client.post(edit_url(episode), submit).status_code == 302
    client.logout()
    return episode


def screens(episode):
    """The addresses of the screens an editor or a moderator goes through."""
    show = episode.get_parent()
    revision = episode.latest_revision
    task_state = episode.current_workflow_task_state
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{show.pk}/",
        add_url(show),
        edit_url(episode),
        f"/admin/pages/{episode.pk}/history/",
        f"/admin/pages/{episode.pk}/revisions/compare/earliest...{revision.pk}/",
        f"/admin/pages/workflow/collect_action_data/{episode.pk}/reject/{task_state.pk}/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/snippets/episodes/person/",
        f"/admin/snippets/episodes/person/edit/{Person.objects.first().pk}/",
        "/admin/snippets/episodes/association/",
        f"/admin/snippets/episodes/association/edit/{Association.objects.first().pk}/",
        "/admin/account/",
    ]


@pytest.mark.parametrize("username", ["redactrice", "validatrice"])
def test_editors_and_moderators_read_their_screens_in_french(client, submitted, username):
    client.force_login(get_user_model().objects.get(username=username))
    faults = {}
    for url in screens(submitted):
        response = client.get(url)
        if response.status_code == 200:
            html = response.content.decode()
            if response.get("Content-Type", "").startswith("application/json"):
                html = response.json().get("html", "")
            faults[url] = untranslated(html)
    assert {url: found for url, found in faults.items() if found} == {}


def test_the_user_form_reads_in_french(client, submitted):
    client.force_login(make_member(get_user_model(), "administratrice", ADMINISTRATORS))
    editor = get_user_model().objects.get(username="redactrice")
    faults = {}
    urls = [reverse("wagtailusers_users:index"), reverse("wagtailusers_users:add")]
    for url in [*urls, reverse("wagtailusers_users:edit", args=[editor.pk])]:
        response = client.get(url)
        assert response.status_code == 200
        faults[url] = untranslated(response.content.decode())
    assert {url: found for url, found in faults.items() if found} == {}


def test_only_our_groups_exist_each_described_where_users_are_edited(client, django_user_model):
    user = make_member(django_user_model, "administratrice", ADMINISTRATORS)
    client.force_login(user)
    groups = set(Group.objects.values_list("name", flat=True))
    assert groups == {EDITORS, MODERATORS, ADMINISTRATORS, PARTNERS}
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    edit = reverse("wagtailusers_users:edit", args=[user.pk])
    for url in (reverse("wagtailusers_users:add"), edit):
        document = lxml.html.document_fromstring(client.get(url).content.decode())
        labels = {
            label.findtext("strong"): label.findtext("span")
            for label in document.xpath('//input[@name="groups"]/parent::label')
        }
        assert set(labels) == groups
        assert labels[EDITORS].startswith("Écrit les épisodes")
        assert "ne publie pas" in labels[EDITORS]
        assert "approuve et publie" in labels[MODERATORS]
