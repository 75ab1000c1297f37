"""Browser test helpers: the two screen sizes the site is checked at, the persistent player's
<audio> (the dock's, which every page's player drives), screenshots to be looked at."""

import os
from pathlib import Path

# A common laptop and a common phone.
VIEWPORTS = {"ordinateur": (1366, 768), "telephone": (390, 844)}

DOCK_AUDIO = "document.querySelector('[data-dock] audio')"


def sized(page, viewport):
    """The tab at one of VIEWPORTS' sizes."""
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    return page


# Functions, not bare expressions: the site's Content-Security-Policy forbids eval() of strings.
def dock_audio(page, expression):
    """The value of a JavaScript expression about the persistent player's <audio>, `a`."""
    return page.evaluate(f"() => {{ const a = {DOCK_AUDIO}; return {expression}; }}")


def wait_for_dock_audio(page, condition):
    """Wait until a JavaScript condition on the persistent player's <audio>, `a`, holds."""
    page.wait_for_function(f"() => {{ const a = {DOCK_AUDIO}; return {condition}; }}")


def screenshot(page, folder, name):
    """The whole page as folder/name.png; in SCREENSHOTS_DIR instead when it is set, to keep
    the screenshots of a run and look at them."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or folder)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)
