"""The moderator's journey when a speaker's consent is missing: the association's moderator opens
the submitted episode, records the consent, clicks « Approuver et publier », and the episode is
live, on the site and in the feed."""

import pytest

from tests.browser.test_editor_journey import (
    SUMMARY,
    TITLE,
    expect,
    feed_item,
    footer_action,
    log_in,
    log_out,
    start_episode,
    upload_audio,
)
from tests.factories import EDITORS, MODERATORS, make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def add_speaker_without_consent(page):
    page.locator("#id_speakers-ADD").click()
    page.locator("#id_speakers-0-person-chooser .chooser__choose-button").click()
    page.locator(".modal-dialog").get_by_role("link", name="Vincent Bel").click()
    expect(page.locator("#id_speakers-0-person-title")).to_contain_text("Vincent Bel")


def test_moderator_records_the_missing_consent_then_approves_and_publishes(page, django_user_model):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    make_member(django_user_model, "validatrice", MODERATORS)
    show = PodcastPage.objects.get(slug="radio-des-territoires")

    log_in(page, "redactrice")
    start_episode(page, show.pk)
    upload_audio(page)
    add_speaker_without_consent(page)
    footer_action(page, 'button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    log_out(page)

    log_in(page, "validatrice")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.locator(".messages")).to_contain_text(
        "Le consentement de Vincent Bel n'est pas enregistré"
    )
    page.locator("#id_speakers-0-consent_given").check()
    page.locator("#id_speakers-0-consent_date").fill("2026-11-30")
    page.locator("#id_speakers-0-consent_recorded_by").click()
    page.locator("#id_speakers-0-consent_recorded_by").fill("Léa, Validation association")
    approve = 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    footer_action(page, approve).click()
    expect(page.locator(".messages")).to_contain_text(TITLE)

    episode = EpisodePage.objects.get(title=TITLE)
    assert episode.live and not episode.workflow_in_progress
    assert episode.speakers.get().consent_given
    assert feed_item(page, TITLE).findtext("description")
    page.goto(episode.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(SUMMARY).first).to_be_visible()
