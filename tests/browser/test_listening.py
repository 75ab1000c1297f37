"""Listening that follows the visitor: « Écouter » in every list, a player that keeps playing
from page to page (position and speed kept, even after a reload), a queue, keyboard shortcuts,
lock-screen metadata, the transcript box that follows the highlight, knowledge pages' episodes
in the same player, and the embed that fits what oEmbed declares."""

import re

import pytest

from episodes.delivery.embeds import EMBED_HEIGHT
from episodes.models import PodcastPage
from tests import factories
from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import VIEWPORTS, dock_audio, sized, wait_for_dock_audio

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

# The live server answers from another thread: it must see committed rows. Serialized rollback
# puts back the rows migrations created (Wagtail's root page) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EPISODE = "/radio-des-territoires/habitat-inclusif/"
FNAF = "/ressources/fnaf-2024/"


def play_the_featured_episode(page):
    page.goto("/")
    page.locator(".featured a[data-play]").click()
    wait_for_dock_audio(page, "!a.paused && a.currentTime > 0.5")
    return page.locator(".featured-title").inner_text()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_playing_from_the_home_page_goes_on_across_pages_and_resumes_after_a_reload(page, viewport):
    title = play_the_featured_episode(sized(page, viewport))
    page.get_by_label("Vitesse du lecteur").select_option("1.5")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Thèmes"
    ).click()
    expect(page).to_have_url(re.compile(r"/themes/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thèmes")
    page.get_by_role("link", name="Économie circulaire").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Économie circulaire")
    assert dock_audio(page, "[a.paused, a.playbackRate]") == [False, 1.5]
    expect(page.locator("[data-dock] .dock-title")).to_have_text(title)
    wait_for_dock_audio(page, "a.currentTime > 2")
    dock_audio(page, "a.pause()")
    position = dock_audio(page, "a.currentTime")
    page.reload()
    expect(page.locator("[data-dock]")).to_be_visible()
    expect(page.locator("[data-dock] .dock-title")).to_have_text(title)
    page.get_by_role("button", name="Lire", exact=True).click()
    wait_for_dock_audio(page, "!a.paused")
    assert dock_audio(page, "a.currentTime") == pytest.approx(position, abs=1)
    assert dock_audio(page, "a.playbackRate") == 1.5


def test_back_and_forward_keep_the_episode_playing(page):
    play_the_featured_episode(page)
    page.get_by_role("link", name="Associations").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des associations")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Les voix de l’économie sociale et solidaire"
    )
    assert dock_audio(page, "!a.paused")


def test_an_episode_page_offers_to_resume_where_the_visitor_stopped(page):
    page.goto(EPISODE)
    page.get_by_role("button", name="Lecture", exact=True).click()
    wait_for_dock_audio(page, "a.currentTime > 0.5")
    dock_audio(page, "(a.currentTime = 12.4, a.pause())")
    wait_for_dock_audio(page, "a.paused")
    page.goto("/")
    page.goto(EPISODE)
    page.get_by_role("button", name="Reprendre à 0:12").click()
    wait_for_dock_audio(page, "!a.paused && a.currentTime > 12")


def test_list_buttons_play_pause_and_queue_episodes(page):
    page.goto("/themes/economie-circulaire/")
    listen = page.get_by_role("button", name="Écouter « Yoti : la seconde vie des jouets »")
    listen.click()
    wait_for_dock_audio(page, "!a.paused && a.src.endsWith('.mp3')")
    expect(page.locator("[data-dock] .dock-title")).to_have_text("Yoti : la seconde vie des jouets")
    page.get_by_role("button", name="Pause « Yoti : la seconde vie des jouets »").click()
    wait_for_dock_audio(page, "a.paused")
    page.get_by_role(
        "button", name="Ajouter « Ecodair : le choix vertueux du reconditionné »"
    ).click()
    expect(page.locator(".dock-queue summary")).to_have_text("À suivre (1)")
    dock_audio(page, "(a.currentTime = a.duration - 0.3, a.play())")
    expect(page.locator("[data-dock] .dock-title")).to_have_text(
        "Ecodair : le choix vertueux du reconditionné"
    )
    expect(page.locator(".dock-queue summary")).to_have_text("À suivre (0)")


def test_keyboard_shortcuts_play_skip_and_can_be_turned_off(page):
    page.goto(EPISODE)
    page.get_by_role("button", name="Lecture", exact=True).click()
    wait_for_dock_audio(page, "!a.paused")
    page.locator("h1").click()  # away from any control, as a reader would be
    page.keyboard.press("k")
    wait_for_dock_audio(page, "a.paused")
    page.keyboard.press("l")
    wait_for_dock_audio(page, "Math.abs(a.currentTime - 30) < 1.5")
    page.keyboard.press("Shift+>")
    assert dock_audio(page, "a.playbackRate") == 1.25
    page.locator(".dock-help summary").click()
    page.get_by_label("Activer les raccourcis").uncheck()
    page.locator("h1").click()
    page.keyboard.press("k")
    page.wait_for_timeout(300)
    assert dock_audio(page, "a.paused")


def test_the_lock_screen_shows_the_episode_playing(page):
    title = play_the_featured_episode(page)
    assert page.evaluate("() => navigator.mediaSession.metadata.title") == title
    assert page.evaluate("() => navigator.mediaSession.metadata.artwork.length") == 1


def test_the_transcript_box_follows_the_highlight_until_the_visitor_scrolls_it(page):
    page.goto(EPISODE)
    box = page.locator(".transcript")
    box.evaluate("(box) => { box.style.maxHeight = '5rem'; }")  # a long transcript, in short
    page.get_by_role("link", name="0:31 Bouger pour bien vieillir").click()
    current = page.locator(".cue.is-current")
    expect(current).to_contain_text("Siel Bleu")
    page.wait_for_function(
        "() => { const b = document.querySelector('.transcript'),"
        " c = b.querySelector('.is-current'); return b.scrollTop > 0"
        " && c.offsetTop - b.offsetTop >= b.scrollTop"
        " && c.offsetTop - b.offsetTop + c.offsetHeight <= b.scrollTop + b.clientHeight; }"
    )
    box.hover()
    page.mouse.wheel(0, -2000)
    page.wait_for_function("() => document.querySelector('.transcript').scrollTop === 0")
    expect(page.locator(".cue.is-current")).to_contain_text("Merci", timeout=15_000)
    assert box.evaluate("(box) => box.scrollTop") == 0


def test_the_knowledge_page_plays_its_episodes_in_the_site_player(page):
    page.goto(FNAF)
    expect(page.locator("main audio")).to_have_count(0)
    page.get_by_role("button", name="Lecture : Yoti : la seconde vie des jouets").click()
    wait_for_dock_audio(page, "!a.paused && a.currentTime > 0.3")
    expect(page.locator("[data-dock] .dock-title")).to_have_text("Yoti : la seconde vie des jouets")
    player = page.get_by_role("region", name="Lecteur : Yoti : la seconde vie des jouets")
    expect(player.locator(".player-time")).not_to_have_text("0:00 / 0:00")


@pytest.mark.parametrize("width", [280, 400, 600])
def test_the_embed_player_fits_the_height_oembed_declares(page, width):
    page.goto("/")
    guid = page.locator(".featured a[data-play]").get_attribute("data-guid")
    page.set_viewport_size({"width": width, "height": EMBED_HEIGHT})
    page.goto(f"/episodes/{guid}/embed/")
    expect(page.get_by_role("button", name="Lecture", exact=True)).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollHeight") <= EMBED_HEIGHT
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_a_shared_moment_reads_with_its_accents(page):
    show = PodcastPage.objects.get()
    episode = factories.make_episode(show=show, title="Été solidaire", slug="été-solidaire")
    page.goto(episode.url)
    page.get_by_role("button", name="Partager ce moment de l'épisode").click()
    shared = page.locator(".player-share")
    expect(shared).to_contain_text("/radio-des-territoires/été-solidaire/?t=0")
    expect(shared).not_to_contain_text("%C3%A9")


def test_the_player_shows_the_duration_the_page_and_the_feed_show(page):
    page.goto(EPISODE)
    shown = page.locator(".episode-header .meta time").nth(1).inner_text()
    expect(page.locator("main .player-time")).to_have_text(f"0:00 / {shown}")
