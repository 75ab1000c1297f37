"""Browser fixtures: one Debian chromium for all browser tests, a tab per test, the demo site."""

import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from tests.browser import CHROMIUM_MISSING, PLAYWRIGHT_MISSING, unavailable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
    "--mute-audio",
]
LOCALE = "fr-FR"  # navigator.language and Accept-Language of a French visitor or editor

# Every audio event the page's media elements fire, with the position at that moment, so tests
# can tell where playback really started instead of racing the clock.
RECORD_AUDIO_EVENTS = """
window.audioEvents = [];
["play", "playing", "pause", "seeked"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    window.audioEvents.push({ type: type, time: event.target.currentTime });
  }, true);
});
"""


@pytest.fixture(scope="package")
def browser(django_db_setup, live_server):
    """Headless Debian chromium, launched once for all the browser tests."""
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable(PLAYWRIGHT_MISSING)
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM_MISSING} ({CHROMIUM} n'existe pas)")
    # What a page shows may take a while on a loaded machine (CI, two test processes).
    expect.set_options(timeout=15_000)
    test_database = connections.all()
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        keep_using(test_database, patch)
        take_turns(live_server)
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def keep_using(test_database, patch):
    """Let Django go on with the test database's connections while Playwright's loop runs.

    Playwright's sync API leaves an asyncio loop marked as running in this thread. Django then
    takes the tests for async code: it refuses queries, and asgiref hands it a second set of
    connections, which lack the live server's shared connection and the serialized rows that
    transactional tests restore. The tests stay synchronous: allow the queries, for this package
    only, and put the first connections back, as Django's LiveServerThread does for its thread.
    """
    patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    for connection in test_database:
        connections[connection.alias] = connection


def take_turns(live_server):
    """On SQLite, let the live server's threads run views one at a time.

    The live server's threads share the in-memory test database's one connection (Django's
    LiveServerThread), which SQLite cannot use from two threads at once: a publication that runs
    while Wagtail's editing-session ping or autosave arrives fails with « SQL statements in
    progress ». Production has a connection per thread; PostgreSQL runs keep the concurrency.
    """
    database = connections["default"]
    if database.vendor != "sqlite" or not database.is_in_memory_db():
        return
    server = live_server.thread.httpd
    application, turn = server.get_app(), threading.Lock()

    def one_at_a_time(environ, start_response):
        with turn:
            return application(environ, start_response)

    server.set_app(one_at_a_time)


@pytest.fixture
def demo_site(live_server, settings):
    """The demo show, episodes and knowledge pages, served by the live server."""
    settings.PUBLIC_BASE_URL = live_server.url
    call_command("load_initial_data", stdout=StringIO())
    return live_server


@pytest.fixture
def page(browser, demo_site):
    """A tab of its own (fresh cookies and cache) on the demo site, recording audio events."""
    context = browser.new_context(base_url=demo_site.url, locale=LOCALE)
    context.set_default_timeout(10_000)
    context.add_init_script(RECORD_AUDIO_EVENTS)
    tab = context.new_page()
    yield tab
    leave_quietly(tab)
    context.close()


def leave_quietly(tab):
    """Leave the page and let the live server finish what it was sent (an editor's autosave)
    before the database is emptied for the next test."""
    tab.goto("about:blank")
    time.sleep(1)


@pytest.fixture
def page_without_javascript(browser, demo_site):
    """A tab on the demo site with JavaScript turned off, as some visitors and crawlers are."""
    context = browser.new_context(base_url=demo_site.url, java_script_enabled=False, locale=LOCALE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser, demo_site):
    """A tab the size of a phone (390×844 CSS pixels, touch) on the demo site."""
    context = browser.new_context(
        base_url=demo_site.url,
        viewport={"width": 390, "height": 844},
        has_touch=True,
        locale=LOCALE,
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
