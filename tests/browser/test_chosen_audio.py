"""An editor uploads a too-quiet MP3 in the audio chooser of a new episode: before any save, the
editor shows its loudness warning in French and its waveform, where a click places a chapter."""

import re

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import screenshot
from tests.browser.test_audio_loudness import (
    place_chapter_and_soundbite,
    quiet_audio_in_new_episode,
)
from tests.browser.test_editor_journey import SHOW, log_in, start_episode
from tests.factories import EDITORS, make_audio, make_member

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_new_episode_shows_the_chosen_audio_loudness_and_waveform_before_saving(
    page, django_user_model, tmp_path
):
    quiet_audio_in_new_episode(page, django_user_model)

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
    # Shown before the editor saves anything (Wagtail's autosave may keep a draft meanwhile).

    place_chapter_and_soundbite(page, waveform, chosen)


def test_a_chosen_audio_not_yet_measured_says_so_then_shows_its_loudness(
    page, django_user_model, monkeypatch
):
    from episodes.models import AudioFile, PodcastPage
    from episodes.models import audio as audio_module
    from episodes.models.audio_measures import measure_audio_file

    # No task worker: the file waits for its measure, as when the worker is busy.
    monkeypatch.setattr(audio_module, "measure_audio_file", NotMeasured())
    audio = make_audio(title="Entretien en attente", seconds=4.0)
    page.set_default_timeout(30_000)
    make_member(django_user_model, "redactrice", EDITORS)
    log_in(page, "redactrice")
    start_episode(page, PodcastPage.objects.get(slug=SHOW).pk)
    page.locator("#id_audio-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=re.compile("Entretien en attente")).click()

    chosen = page.locator(".chosen-audio-facts")
    expect(chosen).to_contain_text("Mesure en cours…")
    expect(chosen.get_by_role("img")).to_have_count(0)
    measure_audio_file.call(audio.pk, audio.sha256)  # the worker gets to it
    assert AudioFile.objects.get(pk=audio.pk).measure_status == "measured"
    expect(chosen).to_contain_text("LUFS (Apple recommande −16 LUFS")
    expect(chosen.get_by_role("img", name="Forme d'onde de l'épisode (0:04)")).to_be_visible()


class NotMeasured:
    """A measuring task that no worker runs."""

    def enqueue(self, *args):
        return None
