"""A visitor's journey: search by theme and a spoken word, land at the right second, listen."""

import re

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import VIEWPORTS, dock_audio, screenshot, sized
from tests.browser.test_listening import play_the_featured_episode
from tests.browser.test_player import first_playing_position

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_theme_and_a_spoken_word_lead_to_the_second_it_is_said(page):
    page.goto("/recherche/")
    page.get_by_label("Thème", exact=True).select_option("habitat-inclusif")
    page.get_by_role("searchbox", name="Rechercher un témoignage").fill("colocation")
    page.get_by_role("searchbox", name="Rechercher un témoignage").press("Enter")
    result = page.get_by_role("link", name="Handicap et bien-vieillir", exact=False).first
    expect(result).to_be_visible()
    passage = page.locator(".search-passages a[href*='?t=20']").first
    expect(passage).to_be_visible()
    passage.click()
    expect(page).to_have_url(re.compile(r"/habitat-inclusif/\?t=20"))
    page.get_by_role("button", name="Lecture", exact=True).press("Enter")
    assert 19.5 <= first_playing_position(page) < 23


def test_a_misspelt_word_typed_on_the_home_page_lands_on_the_testimony(page, tmp_path):
    page.goto("/")
    box = page.get_by_role("searchbox", name="Rechercher un témoignage, une association")
    box.fill("beguinnage")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/recherche/\?q=beguinnage"))
    expect(page.locator(".search-correction")).to_contain_text(
        "Résultats pour béguinage (au lieu de beguinnage)"
    )
    screenshot(page, tmp_path, "corrected")
    page.get_by_role("link", name="Handicap et bien-vieillir", exact=False).first.click()
    expect(page).to_have_url(re.compile(r"/habitat-inclusif/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Handicap et bien-vieillir")


def test_on_a_phone_the_results_come_before_the_filters(phone_page, tmp_path):
    phone_page.goto("/recherche/?q=handicap")
    first_result = phone_page.locator(".search-results .search-result").first
    filters = phone_page.locator(".search-filters")
    expect(first_result).to_be_visible()
    assert first_result.bounding_box()["y"] < filters.bounding_box()["y"]
    assert first_result.bounding_box()["y"] < 844  # the first result is on the first screen
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the screen
    screenshot(phone_page, tmp_path, "phone")


def test_on_a_wide_screen_the_filters_sit_beside_the_results(page, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/recherche/?q=handicap")
    first_result = page.locator(".search-results .search-result").first
    filters = page.locator(".search-filters")
    assert (
        filters.bounding_box()["x"] + filters.bounding_box()["width"]
        <= (first_result.bounding_box()["x"])
    )
    screenshot(page, tmp_path, "wide")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_header_search_box_searches_from_any_page_while_the_episode_plays(
    page, viewport, tmp_path
):
    sized(page, viewport).goto("/associations/wimoov/")
    box = page.get_by_role("search", name="Rechercher sur le site").get_by_role("searchbox")
    expect(box).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport][0]
    screenshot(page, tmp_path, f"header-{viewport}")
    play_the_featured_episode(page)
    page.get_by_role("link", name="Associations").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuaire des associations")
    box.fill("beguinnage")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/recherche/\?q=beguinnage"))
    expect(page.locator(".search-correction")).to_contain_text("Résultats pour béguinage")
    assert dock_audio(page, "!a.paused")  # navigation.js swapped <main>: the dock plays on
    screenshot(page, tmp_path, f"header-results-{viewport}")
