"""An episode written by an editor goes out only once the association approves it, and never
while a speaker's consent is missing; the groups and the workflow come from a migration."""

import lxml.html
import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowPage

from episodes.models import EpisodePage
from tests import factories
from tests.editor.helpers import add_url, edit_form, edit_url, episode_form, feed_titles, speaker
from tests.factories import ADMINISTRATORS, EDITORS, MODERATORS, make_member

REFUSAL = "Publication impossible : le consentement de Marie Dupont n&#x27;est pas enregistré."


@pytest.fixture
def audio(db):
    return factories.make_audio()


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(make_member(django_user_model, "redactrice", EDITORS))
    return client


@pytest.fixture
def moderator(django_user_model):
    return make_member(django_user_model, "validatrice", MODERATORS)


def new_episode():
    return EpisodePage.objects.get(slug="yoti-seconde-vie")


def test_migration_creates_the_three_groups_and_puts_the_approval_workflow_on_the_root(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITORS,
        MODERATORS,
        ADMINISTRATORS,
    }
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "Validation association"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_editor_sees_submit_but_no_publish_button(editor, show):
    html = editor.get(add_url(show)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_editor_posting_publish_only_saves_a_draft(editor, show, audio):
    response = editor.post(add_url(show), episode_form(audio, **{"action-publish": "publish"}))
    assert response.status_code == 302
    episode = new_episode()
    assert not episode.live
    assert "Yoti" not in editor.get(show.url).content.decode()


def test_submitted_episode_goes_live_when_the_association_approves(editor, moderator, show, audio):
    person = factories.make_person()
    form = episode_form(audio, speakers=[speaker(person)], **{"action-submit": "submit"})
    assert editor.post(add_url(show), form).status_code == 302
    episode = new_episode()
    assert not episode.live and episode.workflow_in_progress
    assert feed_titles(editor, show) == []

    editor.force_login(moderator)
    approve = episode_form(
        audio,
        speakers=[speaker(person, id=episode.speakers.get().pk)],
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert editor.post(edit_url(episode), approve).status_code == 302
    episode.refresh_from_db()
    assert episode.live
    assert feed_titles(editor, show) == ["Yoti : la seconde vie des objets"]
    assert "Yoti : la seconde vie des objets" in editor.get(episode.url).content.decode()


def test_publishing_without_consent_is_refused_and_keeps_what_the_editor_typed(
    administrator_client, show, audio
):
    form = episode_form(
        audio,
        title="Titre tapé par l'éditrice",
        speakers=[speaker(factories.make_person(), consent=False)],
        **{"action-publish": "publish"},
    )
    response = administrator_client.post(add_url(show), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSAL in html
    assert "Titre tapé par l&#x27;éditrice" in html
    assert not EpisodePage.objects.exists()


def test_scheduling_without_consent_is_refused(administrator_client, show, audio):
    form = episode_form(
        audio,
        speakers=[speaker(factories.make_person(), consent=False)],
        publication_date="2030-01-01 09:00",
        **{"action-publish": "publish"},
    )
    response = administrator_client.post(add_url(show), form)
    assert REFUSAL in response.content.decode()
    assert not EpisodePage.objects.exists()


def test_draft_and_submission_without_consent_are_saved(editor, show, audio):
    people = [speaker(factories.make_person(), consent=False)]
    assert editor.post(add_url(show), episode_form(audio, speakers=people)).status_code == 302
    episode = new_episode()
    assert episode.speakers.get().consent_given is False
    submit = episode_form(
        audio,
        speakers=[speaker(factories.make_person("Marie Dupont"), consent=False)],
        **{"action-submit": "submit"},
    )
    assert editor.post(edit_url(episode), submit).status_code == 302
    episode.refresh_from_db()
    assert episode.workflow_in_progress and not episode.live


def test_moderator_cannot_approve_without_consent_in_the_editor(editor, moderator, show, audio):
    person = factories.make_person()
    form = episode_form(
        audio, speakers=[speaker(person, consent=False)], **{"action-submit": "submit"}
    )
    editor.post(add_url(show), form)
    episode = new_episode()
    editor.force_login(moderator)
    opened = editor.get(edit_url(episode)).content.decode()
    assert "Le consentement de Marie Dupont n&#x27;est pas enregistré" in opened
    approve = episode_form(
        audio,
        speakers=[speaker(person, consent=False, id=episode.speakers.get().pk)],
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = editor.post(edit_url(episode), approve)
    assert REFUSAL in response.content.decode()
    episode.refresh_from_db()
    assert not episode.live and episode.workflow_in_progress


def test_approval_from_the_admin_home_is_refused_without_consent(editor, moderator, show, audio):
    form = episode_form(
        audio,
        speakers=[speaker(factories.make_person(), consent=False)],
        **{"action-submit": "submit"},
    )
    editor.post(add_url(show), form)
    episode = new_episode()
    task_state = episode.current_workflow_task_state
    editor.force_login(moderator)
    response = editor.post(
        f"/admin/pages/workflow/action/{episode.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    assert response.url == edit_url(episode) + "?approbation=refusee"
    episode.refresh_from_db()
    assert not episode.live and episode.workflow_in_progress


def test_consent_given_needs_its_date(administrator_client, show, audio):
    row = speaker(factories.make_person(), consent_date="")
    response = administrator_client.post(add_url(show), episode_form(audio, speakers=[row]))
    assert response.status_code == 200
    assert "Indiquez la date du consentement." in response.content.decode()


def test_episode_without_speakers_can_be_published(administrator_client, show, audio):
    form = episode_form(audio, **{"action-publish": "publish"})
    assert administrator_client.post(add_url(show), form).status_code == 302
    assert new_episode().live
    assert feed_titles(administrator_client, show) == ["Yoti : la seconde vie des objets"]


def test_bulk_publishing_is_refused_for_an_episode_without_consent(
    administrator_client, show, audio
):
    form = episode_form(audio, speakers=[speaker(factories.make_person(), consent=False)])
    administrator_client.post(add_url(show), form)
    episode = new_episode()
    url = f"/admin/bulk/wagtailcore/page/publish/?id={episode.pk}&next=/admin/pages/{show.pk}/"
    response = administrator_client.post(url, {"include_descendants": ""}, follow=True)
    assert REFUSAL in response.content.decode()
    episode.refresh_from_db()
    assert not episode.live


def test_the_consent_warning_follows_the_draft_the_editor_opens(administrator_client, show, audio):
    administrator_client.post(add_url(show), episode_form(audio, **{"action-publish": "publish"}))
    episode = new_episode()
    assert episode.live
    assert (
        "n&#x27;est pas enregistré"
        not in administrator_client.get(edit_url(episode)).content.decode()
    )
    draft = episode_form(audio, speakers=[speaker(factories.make_person(), consent=False)])
    assert administrator_client.post(edit_url(episode), draft).status_code == 302
    assert "Le consentement de Marie Dupont n&#x27;est pas enregistré" in (
        administrator_client.get(edit_url(episode)).content.decode()
    )


def with_consent_recorded(data):
    """The editor's form data with the first speaker's consent ticked, dated and signed."""
    return data | {
        "speakers-0-consent_given": ["on"],
        "speakers-0-consent_date": ["2026-11-02"],
        "speakers-0-consent_recorded_by": ["Léa, Validation association"],
    }


def submitted_without_consent(editor, show, audio, person):
    """An editor's episode submitted to moderation while its speaker's consent is missing."""
    form = episode_form(
        audio, speakers=[speaker(person, consent=False)], **{"action-submit": "submit"}
    )
    assert editor.post(add_url(show), form).status_code == 302
    return new_episode()


def test_moderator_who_records_the_consent_then_approves_publishes_the_episode(
    editor, moderator, show, audio
):
    person = factories.make_person()
    episode = submitted_without_consent(editor, show, audio, person)
    editor.force_login(moderator)
    approve = with_consent_recorded(edit_form(editor, episode))
    approve |= {"action-workflow-action": ["true"], "workflow-action-name": ["approve"]}
    assert editor.post(edit_url(episode), approve).status_code == 302
    episode.refresh_from_db()
    assert episode.live and not episode.workflow_in_progress
    assert feed_titles(editor, show) == ["Yoti : la seconde vie des objets"]


def test_approval_from_the_admin_home_follows_the_consent_recorded_since(
    editor, moderator, show, audio
):
    person = factories.make_person()
    episode = submitted_without_consent(editor, show, audio, person)
    editor.force_login(moderator)
    draft = with_consent_recorded(edit_form(editor, episode))
    assert editor.post(edit_url(episode), draft).status_code == 302  # saved, still in moderation
    task_state = episode.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{episode.pk}/approve/{task_state.pk}/"
    assert editor.post(url, {"comment": ""}).status_code == 302
    episode.refresh_from_db()
    assert episode.live


def test_a_refused_approval_tells_the_moderator_why_in_french(editor, moderator, show, audio):
    episode = submitted_without_consent(editor, show, audio, factories.make_person())
    task_state = episode.current_workflow_task_state
    editor.force_login(moderator)
    url = f"/admin/pages/workflow/action/{episode.pk}/approve/{task_state.pk}/"
    answer = editor.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    redirect = answer.json()["redirect"]
    assert redirect.startswith(edit_url(episode))
    shown = editor.get(redirect).content.decode()
    assert (
        "Approbation impossible : le consentement de Marie Dupont n&#x27;est pas enregistré."
        in shown
    )
    episode.refresh_from_db()
    assert not episode.live and episode.current_workflow_task_state == task_state


def footer_buttons(html):
    """The labels of the editor's action buttons, the main one first."""
    document = lxml.html.document_fromstring(html)
    buttons = document.xpath("//footer//button[@name or @data-workflow-action-name]")
    return [" ".join(button.text_content().split()) for button in buttons]


def test_the_moderator_reviewing_sees_what_each_action_does(editor, moderator, show, audio):
    people = [speaker(factories.make_person())]
    editor.post(add_url(show), episode_form(audio, speakers=people, **{"action-submit": "s"}))
    episode = new_episode()
    editor.force_login(moderator)
    html = editor.get(edit_url(episode)).content.decode()
    labels = footer_buttons(html)
    assert labels[0] == "Approuver et publier"
    assert "Demander des modifications" in labels
    assert "Publier" not in labels and 'name="action-publish"' not in html


def test_approving_says_the_episode_is_approved_and_published(editor, moderator, show, audio):
    person = factories.make_person()
    submit = episode_form(audio, speakers=[speaker(person)], **{"action-submit": "submit"})
    editor.post(add_url(show), submit)
    episode = new_episode()
    editor.force_login(moderator)
    approve = with_consent_recorded(edit_form(editor, episode))
    approve |= {"action-workflow-action": ["true"], "workflow-action-name": ["approve"]}
    shown = editor.post(edit_url(episode), approve, follow=True).content.decode()
    assert "L&#x27;épisode « Yoti : la seconde vie des objets » est approuvé et publié." in shown
    assert "a été mise à jour" not in shown


def test_requesting_changes_says_to_whom(editor, moderator, show, audio):
    person = factories.make_person()
    submit = episode_form(audio, speakers=[speaker(person)], **{"action-submit": "submit"})
    editor.post(add_url(show), submit)
    episode = new_episode()
    editor.force_login(moderator)
    reject = with_consent_recorded(edit_form(editor, episode))
    reject |= {
        "action-workflow-action": ["true"],
        "workflow-action-name": ["reject"],
        "workflow-action-extra-data": ['{"comment": "Ajoutez la transcription."}'],
    }
    shown = editor.post(edit_url(episode), reject, follow=True).content.decode()
    assert "Des modifications ont été demandées à redactrice pour « Yoti" in shown
    episode.refresh_from_db()
    assert not episode.live
