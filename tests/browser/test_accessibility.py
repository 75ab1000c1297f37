"""Every kind of public page passes axe-core's WCAG 2.1 A and AA rules in a real browser."""

import pytest

from tests.browser import AXE_MISSING, require
from tests.browser.helpers import VIEWPORTS, dock_audio, sized, wait_for_dock_audio

Axe = require("axe_playwright_python.sync_playwright", AXE_MISSING).Axe

# The live server answers from another thread: it must see committed rows. Serialized rollback
# puts back the rows migrations created (Wagtail's root page) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PAGES = {
    "accueil": "/",
    "podcast": "/radio-des-territoires/",
    "episode": "/radio-des-territoires/habitat-inclusif/",
    "themes": "/themes/",
    "theme": "/themes/habitat-inclusif/",
    "annuaire": "/associations/",
    "annuaire-filtre": "/associations/?theme=habitat-inclusif",
    "association": "/associations/wimoov/",
    "ressources": "/ressources/",
    "ressource": "/ressources/dispositif-local-accompagnement/",
    "ressource-episodes": "/ressources/fnaf-2024/",
    "plan-du-site": "/plan-du-site/",
    "accessibilite": "/accessibilite/",
    "recherche": "/recherche/?q=logement",
    "mesure d'audience": "/comment-nous-mesurons-l-audience/",
}


def wcag_violations(page):
    """axe-core's violations of WCAG 2.0 and 2.1, levels A and AA, on the page as it is now."""
    return Axe().run(page, options=WCAG_21_AA).response["violations"]


def describe(violations):
    """One paragraph per violation: rule, impact, help and the first offending elements."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}) : {violation['help']}")
        for node in violation["nodes"][:3]:
            lines.append(f"    {node['target']} {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_page_has_no_wcag_21_aa_violation(page, path, viewport):
    response = sized(page, viewport).goto(path)
    assert response.status == 200
    violations = wcag_violations(page)
    assert not violations, f"{path} :\n{describe(violations)}"


def test_the_episode_page_with_a_highlighted_transcript_cue_has_no_wcag_21_aa_violation(page):
    page.goto(PAGES["episode"])
    cue = page.locator(".cue", has_text="colocation")
    cue.get_by_role("link").click()
    page.wait_for_selector(".cue.is-current[aria-current='true']")
    dock_audio(page, "a.pause()")
    violations = wcag_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_reached_with_the_persistent_player_open_have_no_wcag_21_aa_violation(page, viewport):
    sized(page, viewport).goto("/")
    page.locator(".featured a[data-play]").click()
    wait_for_dock_audio(page, "!a.paused")
    page.locator(".dock-queue summary").click()  # the queue open, over the page
    violations = {"accueil": wcag_violations(page)}
    for name in ("episode", "annuaire", "ressource-episodes"):
        page.locator(f"a[href='{PAGES[name]}']").first.click()
        page.wait_for_url(f"**{PAGES[name]}")
        page.wait_for_selector("[data-dock]:not([hidden])")
        violations[name] = wcag_violations(page)
    assert dock_audio(page, "!a.paused")
    found = {name: describe(found) for name, found in violations.items() if found}
    assert not found, found
