"""An editor uploads a too-quiet MP3 from the episode editor: once saved, the episode shows its
loudness warning in French and its waveform, where a click places a new chapter at that instant."""

import pytest

from tests.audio_samples import encode_mp3
from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import screenshot
from tests.browser.test_editor_journey import SHOW, log_in, start_episode
from tests.factories import EDITORS, make_member

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def upload_quiet_audio(page):
    page.locator("#id_audio-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Créer").click()
    modal.locator("#tab-create input[name=title]").fill("Atelier au calme")
    quiet = encode_mp3(30.0, dbfs=-21)  # about −24 LUFS
    modal.locator("#tab-create input[name=file]").set_input_files(
        {"name": "calme.mp3", "mimeType": "audio/mpeg", "buffer": quiet}
    )
    modal.locator("#tab-create [type=submit]").click()
    expect(page.locator("#id_audio-title")).to_contain_text("Atelier au calme (0:30")


def quiet_audio_in_new_episode(page, django_user_model):
    """An editor logs in, starts a new episode and uploads a too-quiet MP3 in its chooser."""
    from episodes.models import PodcastPage

    # The upload is measured at once (tasks are immediate in tests) and the first save of a new
    # episode is slow: on a busy machine they take longer than the tab's usual 10 s.
    page.set_default_timeout(30_000)
    make_member(django_user_model, "redactrice", EDITORS)
    log_in(page, "redactrice")
    start_episode(page, PodcastPage.objects.get(slug=SHOW).pk)
    upload_quiet_audio(page)


def place_chapter_and_soundbite(page, waveform, controls):
    """A click in the middle of the 30 s waveform places a chapter at 0:15; 0:20 typed in the
    waveform's controls places the soundbite's start."""
    box = waveform.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_role("status").filter(has_text="Nouveau chapitre à 0:15")).to_be_visible()
    controls.get_by_label("le début de l'extrait").check()
    controls.get_by_label("Instant", exact=True).fill("0:20")
    controls.get_by_role("button", name="Placer", exact=True).click()
    expect(page.locator("#id_soundbite_start")).to_have_value("20")
    page.get_by_role("tab", name="Chapitres").click()
    expect(page.locator("#id_chapters-0-start_time")).to_have_value("0:15")


def test_a_too_quiet_mp3_shows_its_loudness_warning_and_a_waveform_to_place_chapters(
    page, django_user_model, tmp_path
):
    quiet_audio_in_new_episode(page, django_user_model)
    page.get_by_role("button", name="Enregistrer le brouillon").click()

    facts = page.locator(".audio-facts")
    expect(page.get_by_text("Trop faible : −24,")).to_contain_text("Apple recommande −16 LUFS")
    expect(facts).to_contain_text("Volume intégré")
    waveform = page.get_by_role("img", name="Forme d'onde de l'épisode (0:30)")
    expect(waveform).to_be_visible()
    waveform.scroll_into_view_if_needed()
    screenshot(page, tmp_path, "quiet-episode-waveform")
    place_chapter_and_soundbite(page, waveform, page)
