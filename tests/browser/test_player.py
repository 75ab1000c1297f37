"""The episode player in a real browser: keyboard, chapters, transcript, start time, speed."""

import re

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

# The live server answers from another thread: it must see committed rows. Serialized rollback
# puts back the rows migrations created (Wagtail's root page) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EPISODE = "/radio-des-territoires/habitat-inclusif/"
# With JavaScript, the page's player drives the one <audio> of the persistent player (the dock).
AUDIO = "document.querySelector('[data-dock] audio')"


# Functions, not bare expressions: the site's Content-Security-Policy forbids eval() of strings.
def audio(page, expression):
    """The value of a JavaScript expression about the player's <audio> element, `a`."""
    return page.evaluate(f"() => {{ const a = {AUDIO}; return {expression}; }}")


def wait_for_audio(page, condition):
    """Wait until a JavaScript condition on the player's <audio> element, `a`, holds."""
    page.wait_for_function(f"() => {{ const a = {AUDIO}; return {condition}; }}")


def first_playing_position(page):
    """Where playback actually began: the position when the first 'playing' event fired."""
    page.wait_for_function("() => window.audioEvents.some(e => e.type === 'playing')")
    return page.evaluate("() => window.audioEvents.find(e => e.type === 'playing').time")


def tab_to(page, label, key="Tab", presses=40):
    """Press Tab until the control named `label` has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement.getAttribute('aria-label')") == label:
            return
    raise AssertionError(f"{label!r} n'est pas atteignable au clavier")


@pytest.fixture
def episode_tab(page):
    page.goto(EPISODE)
    return page


def test_the_play_button_starts_and_pauses_the_episode_from_the_keyboard(episode_tab):
    tab_to(episode_tab, "Lecture")
    episode_tab.keyboard.press("Enter")
    wait_for_audio(episode_tab, "!a.paused && a.currentTime > 0.2")
    expect(episode_tab.get_by_role("button", name="Pause", exact=True)).to_be_focused()
    episode_tab.keyboard.press("Space")
    wait_for_audio(episode_tab, "a.paused")
    expect(episode_tab.get_by_role("button", name="Lecture", exact=True)).to_be_focused()


def test_the_position_slider_moves_through_the_episode_from_the_keyboard(episode_tab):
    tab_to(episode_tab, "Position dans l'épisode")
    episode_tab.keyboard.press("ArrowRight")
    wait_for_audio(episode_tab, "Math.abs(a.currentTime - 1) < 0.5")
    episode_tab.keyboard.press("End")
    wait_for_audio(episode_tab, "a.currentTime > 40")


def test_the_forward_button_skips_thirty_seconds_from_the_keyboard(episode_tab):
    tab_to(episode_tab, "Avancer de 30 secondes")
    episode_tab.keyboard.press("Enter")
    wait_for_audio(episode_tab, "Math.abs(a.currentTime - 30) < 0.5")
    tab_to(episode_tab, "Reculer de 15 secondes", key="Shift+Tab")
    episode_tab.keyboard.press("Space")
    wait_for_audio(episode_tab, "Math.abs(a.currentTime - 15) < 0.5")


def test_a_chapter_link_plays_from_the_start_of_its_chapter(episode_tab):
    episode_tab.get_by_role("link", name=re.compile("Béguinage et colocation")).click()
    assert first_playing_position(episode_tab) == pytest.approx(12.4, abs=1)
    wait_for_audio(episode_tab, "!a.paused && a.currentTime > 12.5")


def test_a_transcript_time_link_plays_from_there_and_marks_its_cue_as_current(episode_tab):
    cue = episode_tab.locator(".cue", has_text="colocation")
    cue.get_by_role("link").click()
    expect(cue).to_have_attribute("aria-current", "true")
    expect(cue).to_have_class(re.compile(r"\bis-current\b"))
    assert first_playing_position(episode_tab) == pytest.approx(20.3, abs=1)
    assert audio(episode_tab, "!a.paused")
    expect(episode_tab.locator(".cue[aria-current]")).to_have_count(1)


# The query string reaches the server (which adds a media fragment to the audio source); the
# fragment only reaches the player's script.
@pytest.mark.parametrize("start", ["?t=20", "#t=20"], ids=["query", "fragment"])
def test_an_address_with_a_start_time_plays_from_that_time(page, start):
    page.goto(f"{EPISODE}{start}")
    page.get_by_role("button", name="Lecture", exact=True).click()
    assert first_playing_position(page) >= 19.5
    wait_for_audio(page, "!a.paused && a.currentTime > 20")


def test_the_speed_menu_changes_the_playback_rate(episode_tab):
    episode_tab.get_by_label("Vitesse", exact=True).select_option("1.5")
    assert audio(episode_tab, "a.playbackRate") == 1.5


def test_without_javascript_the_native_player_and_the_full_transcript_remain(
    page_without_javascript,
):
    page = page_without_javascript
    page.goto(EPISODE)
    expect(page.locator("[data-player] audio[controls]")).to_have_count(1)
    expect(page.locator(".player-controls")).to_have_count(0)
    expect(page.locator(".transcript .cue")).to_have_count(6)
    expect(page.locator(".transcript")).to_contain_text("Chaque colocation réunit six adultes")
