"""Scheduling and approving, as editors and moderators do it in chromium: a future publication date
on the main tab, « Programmer la publication », a confirmation saying in plain French when the
episode goes out (three steps); a moderator's main button « Approuver et publier »."""

import pytest

from tests.browser.helpers import screenshot
from tests.browser.test_editor_journey import (
    TITLE,
    expect,
    footer_action,
    log_in,
    log_out,
    start_episode,
    upload_audio,
)
from tests.factories import EDITORS, MODERATORS, make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WHEN = "3 décembre 2030 à 9 h 00"


def test_an_editor_schedules_an_episode_in_three_steps(page, django_user_model, tmp_path):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "validatrice", MODERATORS)
    show = PodcastPage.objects.get(slug="radio-des-territoires")
    log_in(page, "validatrice")
    start_episode(page, show.pk)
    upload_audio(page)

    date = page.locator("#id_publication_date")
    date.click()  # 1. the date, on the main tab (the picker opens below it)
    date.fill("2030-12-03 09:00")
    schedule = page.get_by_role("button", name="Programmer la publication")
    expect(schedule).to_be_visible()
    screenshot(page, tmp_path, "scheduling-date-picker")
    box, picker = schedule.bounding_box(), page.locator(".xdsoft_datetimepicker:visible")
    if picker.count():
        drawn = picker.first.bounding_box()
        assert drawn["x"] + drawn["width"] <= box["x"] or drawn["y"] >= box["y"] + box["height"]
    schedule.click()  # 2.
    dialog = page.locator("dialog[data-schedule-confirm]")
    expect(dialog).to_contain_text(f"Cet épisode sera publié le {WHEN}.")
    screenshot(page, tmp_path, "scheduling-confirmation")
    dialog.get_by_role("button", name="Programmer", exact=True).click()  # 3.

    expect(page.locator(".messages")).to_contain_text(
        f"L'épisode « {TITLE} » sera publié le {WHEN}."
    )
    screenshot(page, tmp_path, "scheduling-done")
    episode = EpisodePage.objects.get(title=TITLE)
    assert not episode.live and episode.scheduled_revision is not None


def test_a_moderator_approves_with_clear_wording(page, django_user_model, tmp_path):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    make_member(django_user_model, "validatrice", MODERATORS)
    show = PodcastPage.objects.get(slug="radio-des-territoires")
    log_in(page, "redactrice")
    start_episode(page, show.pk)
    upload_audio(page)
    footer_action(page, 'button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    log_out(page)

    log_in(page, "validatrice")
    page.get_by_role("link", name=TITLE).first.click()
    approve = page.locator("footer button[data-workflow-action-name=approve]").first
    expect(approve).to_be_visible()
    expect(approve).to_have_text("Approuver et publier")
    page.locator("footer .w-dropdown__toggle").first.click()
    actions = page.locator("footer").inner_text()
    assert "Demander des modifications" in actions
    assert "Publier\n" not in actions + "\n" and "Enregistrer le brouillon" in actions
    screenshot(page, tmp_path, "moderator-actions")
    page.keyboard.press("Escape")
    approve.click()
    expect(page.locator(".messages")).to_contain_text(
        f"L'épisode « {TITLE} » est approuvé et publié."
    )
    screenshot(page, tmp_path, "moderator-approved")
    assert EpisodePage.objects.get(title=TITLE).live
