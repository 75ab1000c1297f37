"""A visitor's journey: search by theme and a spoken word, land at the right second, listen."""

import re

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.test_player import first_playing_position

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_theme_and_a_spoken_word_lead_to_the_second_it_is_said(page):
    page.goto("/recherche/")
    page.get_by_label("Thème", exact=True).select_option("habitat-inclusif")
    page.get_by_role("searchbox").fill("colocation")
    page.get_by_role("searchbox").press("Enter")
    result = page.get_by_role("link", name="Handicap et bien-vieillir", exact=False).first
    expect(result).to_be_visible()
    passage = page.locator(".search-passages a[href*='?t=20']").first
    expect(passage).to_be_visible()
    passage.click()
    expect(page).to_have_url(re.compile(r"/habitat-inclusif/\?t=20"))
    page.get_by_role("button", name="Lecture", exact=True).press("Enter")
    assert 19.5 <= first_playing_position(page) < 23
