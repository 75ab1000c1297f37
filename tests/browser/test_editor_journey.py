"""An editor's journey in the French admin: write an episode with its MP3 and a speaker's consent,
submit it; the association's moderator approves it; it is on the site and in the feed."""

import feedparser
import pytest

from tests.admin_episodes import EDITORS, MODERATORS, make_member
from tests.audio_samples import encode_mp3
from tests.browser import PLAYWRIGHT_MISSING, require

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Le réemploi à Tours : un atelier solidaire"
SHOW = "radio-des-territoires"


def log_in(page, username):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("motdepasse")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#episodes-to-complete-section")).to_be_visible()


def log_out(page):
    page.context.clear_cookies()


def footer_action(page, selector):
    """A button of the editor's action menu, opening its drop-up menu when the button is in it."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    return button


def write_episode(page, show_id):
    page.goto(f"/admin/pages/add/episodes/episodepage/{show_id}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Un atelier où les objets retrouvent une seconde vie.")
    page.locator("#id_audio-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Créer").click()
    modal.locator("#tab-create input[name=title]").fill("Atelier solidaire")
    modal.locator("#tab-create input[name=file]").set_input_files(
        {"name": "atelier.mp3", "mimeType": "audio/mpeg", "buffer": encode_mp3(3.0)}
    )
    modal.locator("#tab-create [type=submit]").click()
    expect(page.locator("#id_audio-title")).to_contain_text("Atelier solidaire (0:03")
    page.locator("#id_speakers-ADD").click()
    page.locator("#id_speakers-0-person-chooser .chooser__choose-button").click()
    page.locator(".modal-dialog").get_by_role("link", name="Vincent Bel").click()
    expect(page.locator("#id_speakers-0-person-title")).to_contain_text("Vincent Bel")
    page.locator("#id_speakers-0-consent_given").check()
    page.locator("#id_speakers-0-consent_date").fill("2026-11-02")
    page.locator("#id_speakers-0-consent_recorded_by").click()
    page.locator("#id_speakers-0-consent_recorded_by").fill("Léa, chargée de communication")


def test_editor_writes_moderator_approves_listeners_get_it(page, django_user_model):
    from episodes.models import PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    make_member(django_user_model, "validatrice", MODERATORS)
    show = PodcastPage.objects.get(slug=SHOW)

    log_in(page, "redactrice")
    write_episode(page, show.pk)
    footer_action(page, 'button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    log_out(page)

    log_in(page, "validatrice")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    approve = 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    footer_action(page, approve).click()
    expect(page.locator(".messages")).to_contain_text(TITLE)

    feed = page.request.get(f"/podcasts/{SHOW}/feed.xml").body()
    assert TITLE in [entry.title for entry in feedparser.parse(feed).entries]
    page.goto(show.url)
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
