"""The home page on a phone: at most 500 kB transferred, drawn without waiting for JavaScript,
with artwork and something to play above the fold."""

import pytest

from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import VIEWPORTS, sized

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BUDGET = 500_000


def test_the_home_page_on_a_phone_stays_within_500_kb(page):
    received = []
    page.on("response", lambda response: received.append(len(response.body())))
    sized(page, "telephone").goto("/", wait_until="networkidle")
    page.mouse.wheel(0, 10_000)  # lazy artwork further down comes in too
    page.wait_for_load_state("networkidle")
    assert sum(received) <= BUDGET


def test_the_home_page_is_drawn_without_waiting_for_javascript(page):
    sized(page, "telephone").goto("/")
    scripts = page.locator("script[src]")
    assert scripts.count() and all(
        scripts.nth(n).get_attribute("defer") is not None for n in range(scripts.count())
    )
    assert page.locator("head script[src]").count() == 0


def test_the_phone_sees_artwork_and_a_play_button_above_the_fold(page):
    sized(page, "telephone").goto("/")
    fold = VIEWPORTS["telephone"][1]
    for element in (page.locator(".featured-art"), page.locator(".featured a[data-play]")):
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box["y"] + box["height"] <= fold
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
