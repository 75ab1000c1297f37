"""The « Audience » charts in chromium: drawn, with their table, in normal and forced colours.

Screenshots go to the test's folder, or to SCREENSHOTS_DIR when set, to be looked at."""

import datetime

import pytest
from django.utils import timezone

from episodes.models import EpisodePage
from tests.browser import PLAYWRIGHT_MISSING, require
from tests.browser.helpers import screenshot
from tests.factories import EDITORS, make_download_figures, make_member

expect = require("playwright.sync_api", PLAYWRIGHT_MISSING).expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TODAY = timezone.now().astimezone(datetime.UTC).date()


@pytest.fixture
def editor_page(page, django_user_model):
    episodes = list(EpisodePage.objects.all())
    make_download_figures(
        episodes=episodes, days=[TODAY - datetime.timedelta(days=n) for n in range(30)]
    )
    make_member(django_user_model, "redac", EDITORS)
    page.goto("/admin/login/")
    page.locator("#id_username").fill("redac")
    page.locator("#id_password").fill("motdepasse")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


def bar_fill(page):
    return page.locator(".audience-bar").first.evaluate("bar => getComputedStyle(bar).fill")


def test_overview_chart_has_a_bar_a_day_and_its_table(editor_page, tmp_path):
    page = editor_page
    page.goto("/admin/audience/")
    chart = page.get_by_role("img", name="Téléchargements par jour")
    expect(chart).to_be_visible()
    expect(page.locator(".audience-bar")).to_have_count(30)
    expect(page.locator("table.listing tbody tr").first).to_contain_text("3")
    screenshot(page, tmp_path, "audience-overview")
    normal = bar_fill(page)
    page.emulate_media(forced_colors="active")
    assert bar_fill(page) != normal  # the system colour replaces the admin's
    screenshot(page, tmp_path, "audience-overview-forced-colours")


def test_breakdown_and_launch_pace_pages_in_the_browser(editor_page, tmp_path):
    page = editor_page
    page.goto("/admin/audience/repartition/app/")
    expect(page.get_by_role("img", name="Audience par application")).to_be_visible()
    expect(page.locator("table.listing")).to_contain_text("Spotify")
    screenshot(page, tmp_path, "audience-apps")
    page.get_by_role("link", name="Heures").click()
    expect(page.locator(".audience-bar")).to_have_count(24)
    screenshot(page, tmp_path, "audience-hours")
    page.goto("/admin/audience/episodes/")
    expect(page.locator("table.listing")).to_contain_text("30 premiers jours")
    screenshot(page, tmp_path, "audience-episodes")
    page.goto("/admin/")
    expect(page.locator("#audience-section")).to_be_visible()
    screenshot(page, tmp_path, "audience-home-panel")
