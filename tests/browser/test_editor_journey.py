"""An editor's journey in the French admin: write an episode with its MP3, a WebVTT transcript, a
chapter and a speaker's consent, submit it; the association's moderator approves it; it is on the
site and in the feed, transcript included. A bad transcript is refused in French, naming the line,
without losing what the editor typed."""

import feedparser
import pytest
from lxml import etree

from tests.audio_samples import encode_mp3
from tests.browser import PLAYWRIGHT_MISSING, require
from tests.factories import EDITORS, MODERATORS, make_member
from tests.feeds.helpers import NS

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Le réemploi à Tours : un atelier solidaire"
SUMMARY = "Un atelier où les objets retrouvent une seconde vie."
SHOW = "radio-des-territoires"
SPOKEN = "Ici, chaque objet réparé évite une benne."
VTT = f"""WEBVTT

00:00:00.000 --> 00:00:01.500
<v Vincent Bel>{SPOKEN}

00:00:01.500 --> 00:00:03.000
<v Vincent Bel>Et on apprend à réparer ensemble.
"""
# A cue's timings written with SRT's comma: line 6 of the file.
BAD_VTT = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n\n00:00:01,000 --> 00:00:02.000\nSuite.\n"
)


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
    button = page.locator("footer").locator(selector).first
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    return button


def text_file(name, text):
    return {"name": name, "mimeType": "text/vtt", "buffer": text.encode()}


def start_episode(page, show_id):
    """The editor opens a new episode and types its title and summary."""
    page.goto(f"/admin/pages/add/episodes/episodepage/{show_id}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(SUMMARY)


def upload_audio(page):
    page.locator("#id_audio-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Créer").click()
    modal.locator("#tab-create input[name=title]").fill("Atelier solidaire")
    modal.locator("#tab-create input[name=file]").set_input_files(
        {"name": "atelier.mp3", "mimeType": "audio/mpeg", "buffer": encode_mp3(3.0)}
    )
    modal.locator("#tab-create [type=submit]").click()
    expect(page.locator("#id_audio-title")).to_contain_text("Atelier solidaire (0:03")


def record_consent(page):
    page.locator("#id_speakers-ADD").click()
    page.locator("#id_speakers-0-person-chooser .chooser__choose-button").click()
    page.locator(".modal-dialog").get_by_role("link", name="Vincent Bel").click()
    expect(page.locator("#id_speakers-0-person-title")).to_contain_text("Vincent Bel")
    page.locator("#id_speakers-0-consent_given").check()
    page.locator("#id_speakers-0-consent_date").fill("2026-11-02")
    page.locator("#id_speakers-0-consent_recorded_by").click()
    page.locator("#id_speakers-0-consent_recorded_by").fill("Léa, chargée de communication")


def add_chapter(page, start, title):
    page.get_by_role("tab", name="Chapitres").click()
    page.get_by_role("button", name="Ajouter : chapitre").click()
    page.locator("#id_chapters-0-start_time").fill(start)
    page.locator("#id_chapters-0-title").fill(title)


def attach_transcript(page, name, text):
    page.get_by_role("tab", name="Transcription").click()
    page.get_by_label("Fichier de transcription", exact=True).and_(
        page.locator("input[type=file]")
    ).set_input_files(text_file(name, text))


def write_episode(page, show_id):
    start_episode(page, show_id)
    upload_audio(page)
    record_consent(page)
    add_chapter(page, "00:01", "L'atelier de réparation")
    attach_transcript(page, "atelier.vtt", VTT)


def approve(page):
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    approve = 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    footer_action(page, approve).click()
    expect(page.locator(".messages")).to_contain_text(TITLE)


def feed_item(page, title):
    """The item of the show's feed with this title, parsed by lxml; feedparser reads it too."""
    body = page.request.get(f"/podcasts/{SHOW}/feed.xml").body()
    assert title in [entry.title for entry in feedparser.parse(body).entries]
    items = etree.fromstring(body).findall("channel/item")
    return next(item for item in items if item.findtext("title") == title)


def test_editor_writes_moderator_approves_listeners_get_it(page, django_user_model):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    make_member(django_user_model, "validatrice", MODERATORS)
    show = PodcastPage.objects.get(slug=SHOW)

    log_in(page, "redactrice")
    write_episode(page, show.pk)
    footer_action(page, 'button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    log_out(page)

    log_in(page, "validatrice")
    approve(page)

    guid = EpisodePage.objects.get(title=TITLE).guid
    item = feed_item(page, TITLE)
    transcripts = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
    assert transcripts["text/vtt"].endswith(f"/episodes/{guid}/transcript.vtt")
    assert item.find("podcast:chapters", NS) is not None
    vtt = page.request.get(f"/episodes/{guid}/transcript.vtt")
    assert vtt.ok and vtt.headers["content-type"].startswith("text/vtt")
    assert f"<v Vincent Bel>{SPOKEN}" in vtt.text()

    page.goto(show.url)
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("region", name="Texte de la transcription")).to_contain_text(SPOKEN)
    expect(page.locator("ol.chapters")).to_contain_text("0:01 L'atelier de réparation")


def test_a_malformed_transcript_is_refused_in_french_and_nothing_typed_is_lost(
    page, django_user_model
):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    show = PodcastPage.objects.get(slug=SHOW)

    log_in(page, "redactrice")
    start_episode(page, show.pk)
    upload_audio(page)
    attach_transcript(page, "coupé.vtt", BAD_VTT)
    page.get_by_role("button", name="Enregistrer le brouillon").click()

    page.get_by_role("tab", name="Transcription").click()
    expect(page.get_by_role("tabpanel", name="Transcription")).to_contain_text(
        "Ligne 6 : horodatage illisible « 00:00:01,000 --> 00:00:02.000 »"
    )
    page.get_by_role("tab", name="Contenu").click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_summary")).to_have_value(SUMMARY)
    expect(page.locator("#id_audio-title")).to_contain_text("Atelier solidaire (0:03")
    # Wagtail's autosave may already have kept a draft of what was typed: the bad file is not in it.
    drafts = [draft.get_latest_revision_as_object() for draft in EpisodePage.objects.all()]
    assert not [d for d in drafts if d.title == TITLE and list(d.transcript_segments.all())]
