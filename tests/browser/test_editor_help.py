"""The episode editor helps rather than gets in the way: a new guest is created from the speakers'
chooser without leaving the episode, an audio file's facts show as soon as it is chosen, long
titles wrap instead of being cut, and a blank form lacks nothing yet.

SCREENSHOTS_DIR=folder keeps the screenshots taken on the way (to look at them)."""

import json

import pytest

from tests.audio_samples import encode_mp3
from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import screenshot
from tests.browser.test_editor_journey import SHOW, log_in, start_episode, upload_audio
from tests.factories import EDITORS, make_episode, make_member

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG_TITLE = (
    "Habitat partagé en milieu rural : comment trois associations du Perche ont réinventé "
    "l'accueil des aînés, des saisonniers et des familles dans une ancienne potasserie"
)


def demo_show():
    from episodes.models import PodcastPage

    return PodcastPage.objects.get(slug=SHOW)


@pytest.fixture
def editor(page, django_user_model):
    """The tab, logged in as a member of « Rédaction »."""
    make_member(django_user_model, "redactrice", EDITORS)
    log_in(page, "redactrice")
    return page


def test_an_editor_creates_a_guest_from_the_chooser_and_the_guest_is_on_the_episode(
    editor, tmp_path
):
    from episodes.models import EpisodePage, Person

    start_episode(editor, demo_show().pk)
    upload_audio(editor)
    editor.locator("#id_speakers-ADD").click()
    editor.locator("#id_speakers-0-person-chooser .chooser__choose-button").click()
    modal = editor.locator(".modal-dialog")
    modal.get_by_role("tab", name="Nouvelle personne").click()
    modal.locator("#tab-create input[name=name]").fill("Awa Diallo")
    modal.locator("#tab-create input[name=title]").fill("coordinatrice")
    screenshot(editor, tmp_path, "chooser-new-person")
    modal.get_by_role("button", name="Ajouter cette personne").click()
    expect(editor.locator("#id_speakers-0-person-title")).to_contain_text("Awa Diallo")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()

    # Saved as a draft (Wagtail's autosave may have created it first: the message varies); the
    # guest's consent is still to record, which keeps the episode from being published.
    expect(editor.locator(".messages")).to_contain_text("Le réemploi à Tours")
    guest = Person.objects.get(name="Awa Diallo")
    assert guest.title == "coordinatrice"
    episode = EpisodePage.objects.get(title__startswith="Le réemploi à Tours")
    speakers = episode.get_latest_revision_as_object().speakers.all()
    assert [(s.person, s.consent_given) for s in speakers] == [(guest, False)]


def test_an_audio_files_facts_show_as_soon_as_it_is_chosen(editor, tmp_path):
    start_episode(editor, demo_show().pk)
    editor.locator("#id_audio-chooser .chooser__choose-button").click()
    modal = editor.locator(".modal-dialog")
    modal.get_by_role("tab", name="Créer").click()
    modal.locator("#tab-create input[name=file]").set_input_files(
        {"name": "atelier.mp3", "mimeType": "audio/mpeg", "buffer": encode_mp3(3.0)}
    )
    facts = modal.locator(".audio-chosen-facts")
    expect(facts).to_have_attribute("aria-live", "polite")
    expect(facts).to_contain_text("Durée : 0:03")
    expect(facts).to_contain_text("Débit moyen : ")
    expect(facts).to_contain_text("Taille : ")
    expect(facts).to_contain_text("Format : MP3 (audio/mpeg)")
    screenshot(editor, tmp_path, "audio-chosen-facts")


def is_cut(locator):
    """Whether the element's text is clipped (ellipsis, hidden overflow) instead of wrapped."""
    return locator.evaluate(
        "e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1"
    )


def test_a_long_title_wraps_in_the_editor_header_and_the_show_listing(editor, tmp_path):
    episode = make_episode(show=demo_show(), title=LONG_TITLE)
    editor.set_viewport_size({"width": 1366, "height": 768})
    editor.goto(f"/admin/pages/{episode.pk}/edit/")
    header = editor.locator("header .w-breadcrumbs li.w-font-bold")
    expect(header).to_contain_text("ancienne potasserie")
    assert not is_cut(header)
    title = editor.locator("#id_title")
    expect(title).to_have_value(LONG_TITLE)
    assert not is_cut(title)
    screenshot(editor, tmp_path, "long-title-editor")

    editor.goto(f"/admin/pages/{demo_show().pk}/")
    link = editor.get_by_role("link", name=LONG_TITLE).first
    expect(link).to_be_visible()
    assert not is_cut(link)
    screenshot(editor, tmp_path, "long-title-listing")


def test_a_blank_episode_form_says_nothing_is_missing(editor, tmp_path):
    start_episode(editor, demo_show().pk)
    expect(editor.locator("#id_episode_number")).not_to_have_value("")
    expect(editor.locator("body")).not_to_contain_text("manquant")
    expect(editor.locator("body")).not_to_contain_text("Cet épisode n'a pas de transcription")
    screenshot(editor, tmp_path, "new-episode")
    editor.locator("#id_title").fill("")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(editor.locator(".messages")).to_contain_text("erreurs")
    screenshot(editor, tmp_path, "new-episode-after-failed-save")


def test_a_chapters_file_chosen_before_a_failed_save_is_kept(editor, tmp_path):
    start_episode(editor, demo_show().pk)
    editor.get_by_role("tab", name="Chapitres").click()
    chapters = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Accueil"}]}
    editor.get_by_label("Fichier de chapitres (JSON Podcasting 2.0)").set_input_files(
        {
            "name": "chapitres.json",
            "mimeType": "application/json",
            "buffer": json.dumps(chapters).encode(),
        }
    )
    editor.get_by_role("tab", name="Contenu").click()
    editor.locator("#id_title").fill("")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(editor.locator(".messages")).to_contain_text("erreurs")
    editor.get_by_role("tab", name="Chapitres").click()
    expect(editor.get_by_role("tabpanel", name="Chapitres")).to_contain_text(
        "Fichier « chapitres.json » conservé : il sera pris en compte à l'enregistrement."
    )
    screenshot(editor, tmp_path, "failed-save-kept-chapters-file")
