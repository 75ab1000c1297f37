"""An editor uploads a too-quiet MP3 in the audio chooser of a new episode: before any save, the
editor shows its loudness warning in French and its waveform, where a click places a chapter."""

import re

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.test_audio_loudness import screenshot, upload_quiet_audio
from tests.browser.test_editor_journey import SHOW, TITLE, log_in, start_episode
from tests.factories import EDITORS, make_member

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_new_episode_shows_the_chosen_audio_loudness_and_waveform_before_saving(
    page, django_user_model, tmp_path
):
    from episodes.models import EpisodePage, PodcastPage

    # The upload is measured at once (tasks are immediate in tests): slow on a busy machine.
    page.set_default_timeout(30_000)
    make_member(django_user_model, "redactrice", EDITORS)
    log_in(page, "redactrice")
    start_episode(page, PodcastPage.objects.get(slug=SHOW).pk)
    upload_quiet_audio(page)

    chosen = page.locator(".chosen-audio-facts")
    expect(chosen).to_contain_text("Fichier choisi : Atelier au calme")
    expect(chosen).to_contain_text("Pas encore enregistré avec l'épisode")
    expect(chosen.get_by_text("Trop faible : −24,")).to_contain_text("Apple recommande −16 LUFS")
    expect(chosen).to_contain_text("Volume intégré")
    expect(chosen).to_contain_text("Crête réelle")
    # Its heading and warnings, then its waveform: the admin scrolls inside, one screen a picture.
    chosen.get_by_role("heading").evaluate("e => e.scrollIntoView({block: 'center'})")
    screenshot(page, tmp_path, "wave-chosen-warnings")
    waveform = chosen.get_by_role("img", name="Forme d'onde de l'épisode (0:30)")
    expect(waveform).to_be_visible()
    waveform.scroll_into_view_if_needed()
    screenshot(page, tmp_path, "wave-chosen-new-episode")
    expect(page).to_have_url(re.compile(r"/admin/pages/add/"))
    assert not EpisodePage.objects.filter(title=TITLE).exists()  # nothing was saved

    box = waveform.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.get_by_role("status").filter(has_text="Nouveau chapitre à 0:15")).to_be_visible()
    chosen.get_by_label("le début de l'extrait").check()
    chosen.get_by_label("Instant", exact=True).fill("0:20")
    chosen.get_by_role("button", name="Placer", exact=True).click()
    expect(page.locator("#id_soundbite_start")).to_have_value("20")
    page.get_by_role("tab", name="Chapitres").click()
    expect(page.locator("#id_chapters-0-start_time")).to_have_value("0:15")
