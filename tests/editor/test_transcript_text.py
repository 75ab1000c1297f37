"""Editors edit the transcript as one WebVTT text in the episode editor, however long: a two-hour
episode saves like a short one; a bad cue is refused in French naming its line, the text kept;
drafts, revisions and preview keep the transcript as typed, the public page follows publication."""

import html

from episodes.models import EpisodePage
from tests.editor.helpers import edit_form, edit_url, latest, page_text, post_edit
from tests.factories import make_audio, make_episode, make_long_episode
from tests.search.helpers import search

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
<v Claire Martin>Bienvenue sur Radio des Territoires.

00:00:01.000 --> 00:00:02.000
<v Karim Benali>Merci de m'accueillir &amp; bonjour.
"""


def edit_transcript(client, episode, text, *, publish=False, **changes):
    """Post the editor with the transcript text replaced, the rest as the page gives it."""
    data = edit_form(client, episode) | {"transcript_vtt": [text], **changes}
    return post_edit(client, episode, data, publish=publish)


def transcript_text(client, episode):
    """The transcript text box as the editor opens it (browsers drop the line break Django writes
    after <textarea>)."""
    return edit_form(client, episode)["transcript_vtt"][0].removeprefix("\n")


def saved(episode):
    return [
        (s.start_time, s.end_time, s.speaker, s.body)
        for s in latest(episode).transcript_segments.all()
    ]


def test_the_transcript_is_typed_as_webvtt_text(admin_client, episode):
    assert edit_transcript(admin_client, episode, VTT).status_code == 302
    assert saved(episode) == [
        (0.0, 1.0, "Claire Martin", "Bienvenue sur Radio des Territoires."),
        (1.0, 2.0, "Karim Benali", "Merci de m'accueillir & bonjour."),
    ]


def test_the_editor_opens_with_the_transcript_as_webvtt_text(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    text = transcript_text(admin_client, episode)
    assert text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Claire Martin>Bienvenue")
    assert "<v Karim Benali>Merci de m'accueillir &amp; bonjour." in text


def test_an_editor_corrects_one_cue_in_the_text(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    text = transcript_text(admin_client, episode).replace("&amp; bonjour", "et merci")
    text = text.replace("\n", "\r\n")  # as browsers send a textarea's lines
    assert edit_transcript(admin_client, episode, text).status_code == 302
    assert saved(episode)[1] == (1.0, 2.0, "Karim Benali", "Merci de m'accueillir et merci.")


def test_cue_times_may_be_typed_without_hours(admin_client, episode):
    typed = "WEBVTT\n\n00:00.000 --> 00:01.500\n<v Claire>Bonjour.\n"
    assert edit_transcript(admin_client, episode, typed).status_code == 302
    assert saved(episode) == [(0.0, 1.5, "Claire", "Bonjour.")]
    assert "00:00:00.000 --> 00:00:01.500\n<v Claire>Bonjour." in transcript_text(
        admin_client, episode
    )


def test_an_episode_of_2600_cues_is_saved_from_the_editor(admin_client, show):
    """2,600 inline forms were 18,000 fields: Django refused the save (400 TooManyFieldsSent)."""
    episode = make_long_episode(show=show, cues=2600)
    text = transcript_text(admin_client, episode)
    assert text.count(" --> ") == 2600
    edited = text.replace("Passage 1234 : le réemploi", "Passage 1234 : la réparation")
    response = edit_transcript(admin_client, episode, edited, publish=True)
    assert response.status_code == 302
    segments = list(EpisodePage.objects.get(pk=episode.pk).transcript_segments.all())
    assert len(segments) == 2600
    assert segments[1233].body.startswith("Passage 1234 : la réparation solidaire")
    assert segments[1233].speaker == "Claire Martin"


def test_a_bad_cue_is_refused_naming_its_line_and_the_text_is_kept(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    typed = VTT.replace("00:00:01.000 --> 00:00:02.000", "00:00:01,000 --> 00:00:02.000")
    typed = typed.replace("Bienvenue sur", "Bienvenue à toutes et à tous sur")
    response = edit_transcript(admin_client, episode, typed, title=["Un titre retravaillé"])
    assert response.status_code == 200
    assert "Ligne 6 : horodatage illisible « 00:00:01,000 --> 00:00:02.000 »" in page_text(response)
    kept = html.unescape(response.content.decode().split('name="transcript_vtt"', 1)[1])
    assert "Bienvenue à toutes et à tous sur Radio des Territoires." in kept
    assert "Un titre retravaillé</textarea>" in response.content.decode()
    assert saved(episode)[0][3] == "Bienvenue sur Radio des Territoires."


def test_a_cue_past_the_end_of_the_audio_is_refused(admin_client, episode):
    typed = VTT + "\n00:00:02.000 --> 00:01:00.000\nUne suite imaginaire.\n"
    response = edit_transcript(admin_client, episode, typed)
    assert response.status_code == 200
    assert "Ligne 9 : ce passage finit à 1:00, après la fin de l'audio (0:02)." in page_text(
        response
    )
    assert saved(episode) == []


def test_emptying_the_text_removes_the_transcript(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    assert edit_transcript(admin_client, episode, "").status_code == 302
    assert saved(episode) == []
    assert "Cet épisode n'a pas de transcription" in page_text(admin_client.get(edit_url(episode)))


def test_saving_other_fields_keeps_the_transcript(admin_client, episode):
    edit_transcript(admin_client, episode, VTT, publish=True)
    data = edit_form(admin_client, episode) | {"title": ["Un nouveau titre"]}
    assert post_edit(admin_client, episode, data, publish=True).status_code == 302
    assert [s[2] for s in saved(episode)] == ["Claire Martin", "Karim Benali"]


def test_an_accepted_upload_fills_the_text_when_another_field_is_refused(admin_client, episode):
    data = edit_form(admin_client, episode) | {"summary": [""]}
    response = post_edit(
        admin_client, episode, data, publish=True, transcript_file=("entretien.vtt", VTT.encode())
    )
    assert response.status_code == 200
    kept = html.unescape(response.content.decode().split('name="transcript_vtt"', 1)[1])
    assert "<v Karim Benali>Merci de m'accueillir &amp; bonjour." in kept


def test_a_draft_transcript_waits_for_publication(admin_client, client, episode):
    edit_transcript(admin_client, episode, VTT, publish=True)
    draft = VTT.replace("Bienvenue sur", "Bonjour et bienvenue sur")
    assert edit_transcript(admin_client, episode, draft).status_code == 302
    assert "Bonjour et bienvenue sur" in transcript_text(admin_client, episode)
    public = html.unescape(client.get(episode.url).content.decode())
    assert "Bienvenue sur Radio des Territoires." in public
    assert "Bonjour et bienvenue" not in public
    latest(episode).get_latest_revision().publish()
    public = html.unescape(client.get(episode.url).content.decode())
    assert "Bonjour et bienvenue sur Radio des Territoires." in public


def test_an_older_revision_brings_back_its_transcript(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    first = latest(episode).get_latest_revision()
    edit_transcript(admin_client, episode, VTT.replace("Bienvenue sur", "Salut"))
    response = admin_client.get(f"/admin/pages/{episode.pk}/revisions/{first.pk}/revert/")
    assert response.status_code == 200
    assert "<v Claire Martin>Bienvenue sur" in html.unescape(response.content.decode())


def test_the_preview_shows_the_transcript_being_typed(admin_client, episode):
    data = edit_form(admin_client, episode) | {"transcript_vtt": [VTT]}
    preview = f"/admin/pages/{episode.pk}/edit/preview/"
    assert admin_client.post(preview, data).json() == {"is_valid": True, "is_available": True}
    shown = html.unescape(admin_client.get(preview).content.decode())
    assert "Karim Benali :</strong> Merci de m'accueillir & bonjour." in shown


def test_a_cue_typed_in_the_editor_is_found_by_the_search_at_its_second(admin_client, client, show):
    audio = make_audio(seconds=760, sample_rate=8000, bitrate=8)
    episode = make_episode(show=show, title="La recyclerie de Tours", audio=audio)
    typed = VTT + "\n00:12:34.000 --> 00:12:38.000\n<v Karim Benali>Une ressourcerie ouverte.\n"
    assert edit_transcript(admin_client, episode, typed, publish=True).status_code == 302
    html_page = search(client, q="ressourcerie")
    assert f'href="{episode.url}?t=754#t=754"' in html_page
    assert '<span class="time">12:34</span>' in html_page
    assert "Une <mark>ressourcerie</mark> ouverte." in html_page


def test_comparing_revisions_shows_only_the_corrected_cue(admin_client, episode):
    edit_transcript(admin_client, episode, VTT)
    first = latest(episode).get_latest_revision()
    edit_transcript(admin_client, episode, VTT.replace("&amp; bonjour", "et merci"))
    second = latest(episode).get_latest_revision()
    url = f"/admin/pages/{episode.pk}/revisions/compare/{first.pk}...{second.pk}/"
    shown = page_text(admin_client.get(url))
    assert "Transcription (passages modifiés)" in shown
    assert "Merci de m'accueillir" in shown
    assert "Bienvenue sur Radio des Territoires." not in shown
