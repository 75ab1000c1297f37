"""An editor opens a two-hour episode (5,000 cues) in the French admin, corrects one cue in the
transcript text and publishes: the public page's transcript shows the correction."""

import pytest

from tests.browser.test_editor_journey import SHOW, expect, footer_action, log_in
from tests.factories import ADMINISTRATORS, make_long_episode, make_member

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CUES = 5000
WRONG, RIGHT = "Passage 4321 : le réemploi", "Passage 4321 : la réparation"


def type_over(page, box, old, new):
    """Select the words in the text box, as a mouse would, and type the new ones over them."""
    box.evaluate(
        "(box, old) => { const at = box.value.indexOf(old); box.focus();"
        " box.setSelectionRange(at, at + old.length); }",
        old,
    )
    page.keyboard.type(new)


def test_an_editor_corrects_one_cue_of_a_two_hour_transcript_and_publishes(page, django_user_model):
    from episodes.models import PodcastPage

    make_member(django_user_model, "administratrice", ADMINISTRATORS)
    episode = make_long_episode(show=PodcastPage.objects.get(slug=SHOW), cues=CUES)

    # Publishing 5,000 cues takes a few seconds; more on a busy machine than the usual 10 s.
    page.set_default_timeout(60_000)
    log_in(page, "administratrice")
    page.goto(f"/admin/pages/{episode.pk}/edit/")
    page.get_by_role("tab", name="Transcription").click()
    box = page.get_by_role("textbox", name="Transcription (WebVTT)", exact=True)
    assert box.input_value().count(" --> ") == CUES
    type_over(page, box, WRONG, RIGHT)
    footer_action(page, 'button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text(episode.title)

    page.goto(episode.url)
    transcript = page.get_by_role("region", name="Texte de la transcription")
    expect(transcript).to_contain_text(f"{RIGHT} solidaire, ici, « ça change tout ».")
    expect(transcript).not_to_contain_text(WRONG)
    expect(transcript.locator("p.cue")).to_have_count(CUES)
