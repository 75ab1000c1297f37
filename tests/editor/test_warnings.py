"""The episode editor's warnings agree with its fields: nothing is « manquant » on a blank form,
and an optional part (the episode's artwork) is never called missing."""

from wagtail.test.utils.form_data import querydict_from_html

from tests.editor.helpers import add_url, edit_url, page_text

NO_TRANSCRIPT = "Cet épisode n'a pas de transcription"


def test_a_new_episode_form_says_nothing_is_missing(admin_client, show):
    text = page_text(admin_client.get(add_url(show)))
    assert "manquant" not in text.lower()
    assert NO_TRANSCRIPT not in text


def test_a_refused_first_save_says_nothing_is_missing_yet(admin_client, show):
    response = admin_client.get(add_url(show))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: data.getlist(key) for key in data} | {"title": [""]}
    refused = admin_client.post(add_url(show), data)
    assert refused.status_code == 200
    assert "manquant" not in page_text(refused).lower()
    assert NO_TRANSCRIPT not in page_text(refused)


def test_a_saved_episode_without_transcript_is_warned_without_calling_its_artwork_missing(
    admin_client, episode
):
    text = page_text(admin_client.get(edit_url(episode)))
    assert NO_TRANSCRIPT in text
    assert "Facultative" in text
    assert "pochette manquante" not in text.lower()
