"""An editor who clicks « Soumettre à la validation » while Wagtail's first autosave of a new
episode is still answering gets the episode submitted, once, not « La page ne peut être créée »:
the autosave has already created the page, and the click waits for it to move the form to the
page's edit address (radio/static/js/admin_autosave_wait.js)."""

import pytest

from tests.browser.test_editor_journey import (
    TITLE,
    expect,
    footer_action,
    log_in,
    record_consent,
    start_episode,
    upload_audio,
)
from tests.factories import EDITORS, make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_submitting_while_the_first_autosave_answers_submits_the_episode(page, django_user_model):
    from episodes.models import EpisodePage, PodcastPage

    make_member(django_user_model, "redactrice", EDITORS)
    show = PodcastPage.objects.get(slug="radio-des-territoires")
    log_in(page, "redactrice")
    start_episode(page, show.pk)
    upload_audio(page)
    record_consent(page)
    held = []

    def hold_the_answer(route):
        """The autosave reaches the server (the page is created); its answer is held back."""
        if route.request.method == "POST" and "json" in route.request.headers.get("accept", ""):
            held.append((route, route.fetch()))
        else:
            route.continue_()

    page.route("**/admin/pages/add/**", hold_the_answer)
    page.locator("#id_summary").press_sequentially(" Un atelier.")  # a change to autosave
    # Wagtail autosaves half a second after a change; its answer may wait for a view the live
    # server is running (on SQLite it runs one at a time: tests/browser/conftest.py), under load.
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the autosave was never sent"
    assert EpisodePage.objects.filter(title=TITLE).count() == 1  # the autosave created it

    footer_action(page, 'button[name="action-submit"]').click()
    page.wait_for_timeout(300)  # the click, made while the autosave has not answered
    route, answer = held.pop()
    route.fulfill(response=answer)

    expect(page.locator(".messages")).to_contain_text(TITLE)
    expect(page.locator(".messages")).not_to_contain_text("erreurs de validation")
    episode = EpisodePage.objects.get(title=TITLE)
    assert episode.workflow_in_progress
