"""Editors upload a WebVTT, SRT or JSON transcript in the episode editor: it becomes timed segments
with speakers, published with the episode; a bad file is refused in French, naming the line."""

import html
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from episodes.formats.transcripts import parse_webvtt
from episodes.models import EpisodePage
from tests.editor.helpers import edit_form, edit_url, latest, page_text, post_edit
from tests.factories import make_audio, make_episode

VTT = """WEBVTT

NOTE Transcription relue par l'équipe.

00:00:00.000 --> 00:00:01.500
<v Claire Martin>Bienvenue sur Radio des Territoires.

00:00:01.500 --> 00:00:03.000
<v Karim Benali>Merci de m'accueillir &amp; bonjour.
"""

SRT = """1
00:00:00,000 --> 00:00:01,500
Bienvenue sur <i>Radio des Territoires</i>.

2
00:00:01,500 --> 00:00:03,000
Merci de m'accueillir.
"""


def upload_transcript(client, episode, name, text, *, publish=False, **changes):
    data = edit_form(client, episode) | changes
    content = text if isinstance(text, bytes) else text.encode()
    return post_edit(client, episode, data, publish=publish, transcript_file=(name, content))


def saved_segments(episode):
    return [
        (s.start_time, s.end_time, s.speaker, s.body)
        for s in latest(episode).transcript_segments.all()
    ]


def test_an_uploaded_webvtt_becomes_segments_with_speakers(admin_client, episode):
    response = upload_transcript(admin_client, episode, "entretien.vtt", VTT)
    assert response.status_code == 302
    assert saved_segments(episode) == [
        (0.0, 1.5, "Claire Martin", "Bienvenue sur Radio des Territoires."),
        (1.5, 3.0, "Karim Benali", "Merci de m'accueillir & bonjour."),
    ]


def test_an_uploaded_srt_becomes_segments(admin_client, episode):
    response = upload_transcript(admin_client, episode, "entretien.srt", SRT)
    assert response.status_code == 302
    assert saved_segments(episode) == [
        (0.0, 1.5, "", "Bienvenue sur Radio des Territoires."),
        (1.5, 3.0, "", "Merci de m'accueillir."),
    ]


def test_an_uploaded_srt_names_speakers_by_a_leading_name_and_colon(admin_client, episode):
    cards = [
        "Claire Martin: Bienvenue.",
        "Aujourd'hui : le réemploi.",
        "Karim Benali: Merci de m'accueillir.",
    ]
    text = "".join(
        f"{n}\n00:00:0{n - 1},000 --> 00:00:0{n - 1},500\n{card}\n\n"
        for n, card in enumerate(cards, start=1)
    )
    assert upload_transcript(admin_client, episode, "entretien.srt", text).status_code == 302
    assert [(speaker, body) for _start, _end, speaker, body in saved_segments(episode)] == [
        ("Claire Martin", "Bienvenue."),
        ("Claire Martin", "Aujourd'hui : le réemploi."),
        ("Karim Benali", "Merci de m'accueillir."),
    ]


def test_an_uploaded_podcasting_json_transcript_becomes_segments(admin_client, episode):
    document = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Claire Martin", "startTime": 0, "endTime": 1.5, "body": "Bienvenue."},
            {"startTime": 1.5, "endTime": 3, "body": " Merci\nbeaucoup. "},
        ],
    }
    response = upload_transcript(admin_client, episode, "entretien.json", json.dumps(document))
    assert response.status_code == 302
    assert saved_segments(episode) == [
        (0.0, 1.5, "Claire Martin", "Bienvenue."),
        (1.5, 3.0, "", "Merci beaucoup."),
    ]


def test_a_new_transcript_replaces_the_segments_already_there(admin_client, episode):
    upload_transcript(admin_client, episode, "entretien.srt", SRT)
    upload_transcript(admin_client, episode, "entretien.vtt", VTT)
    assert [speaker for _s, _e, speaker, _b in saved_segments(episode)] == [
        "Claire Martin",
        "Karim Benali",
    ]


def test_a_published_transcript_is_served_to_podcast_apps_and_shown(admin_client, client, episode):
    upload_transcript(admin_client, episode, "entretien.vtt", VTT, publish=True)
    url = reverse("episode_transcript", kwargs={"guid": episode.guid, "ext": "vtt"})
    served = parse_webvtt(client.get(url).content.decode())
    assert [(s.speaker, s.body) for s in served] == [
        ("Claire Martin", "Bienvenue sur Radio des Territoires."),
        ("Karim Benali", "Merci de m'accueillir & bonjour."),
    ]
    page = client.get(episode.url).content.decode()
    assert "Merci de m'accueillir & bonjour." in html.unescape(page)


MALFORMED = [
    (
        "coupé.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n\n"
        "00:00:01,000 --> 00:00:02.000\nSuite.\n",
        "Ligne 6 : horodatage illisible « 00:00:01,000 --> 00:00:02.000 »",
    ),
    (
        "sans-entete.vtt",
        "00:00:00.000 --> 00:00:01.000\nBonjour.\n",
        "Ligne 1 : un fichier WebVTT commence par la ligne « WEBVTT ».",
    ),
    (
        "paragraphe.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n\nUn second paragraphe.\n",
        "Ligne 6 : texte sans horodatage « Un second paragraphe. »",
    ),
    (
        "colle.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n"
        "00:00:01.000 --> 00:00:02.000\nSuite.\n",
        "Ligne 5 : il manque une ligne vide avant le passage",
    ),
    (
        "fleche.srt",
        "1\n00:00:00,000 --> 00:00:01,000\nBonjour.\n\n2\n00:00:01,000 -> 00:00:02,000\nSuite.\n",
        "Ligne 6 : horodatage illisible « 00:00:01,000 -> 00:00:02,000 »",
    ),
    (
        "envers.srt",
        "1\n00:00:00,000 --> 00:00:01,000\nBonjour.\n\n2\n00:00:02,000 --> 00:00:01,500\nSuite.\n",
        "Ligne 6 : ce passage finit (0:01.5) avant de commencer (0:02).",
    ),
    (
        "trop-long.vtt",
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nBonjour.\n\n"
        "00:00:01.000 --> 00:01:00.000\nSuite.\n",
        "Ligne 6 : ce passage finit à 1:00, après la fin de l'audio (0:02).",
    ),
    ("vide.vtt", "WEBVTT\n", "Le fichier « vide.vtt » ne contient aucun passage minuté."),
    (
        "latin1.srt",
        "1\n00:00:00,000 --> 00:00:01,000\nBientôt l'été.\n".encode("latin-1"),
        "Ligne 3 : le fichier « latin1.srt » n'est pas encodé en UTF-8.",
    ),
    ("notes.docx", "Bonjour", "n'est ni un WebVTT (.vtt), ni un SRT (.srt), ni une transcription"),
    (
        "casse.json",
        '{"segments": [\n {"startTime": 0, "endTime": 1 "body": "Bonjour."}]}',
        "Ligne 2 : ce n'est pas du JSON valide (colonne 32",
    ),
    (
        "temps.json",
        '{"segments": [{"startTime": 0, "endTime": 1, "body": "A"},'
        ' {"startTime": "1:00", "endTime": 2, "body": "B"}]}',
        "Passage 2 : « startTime » doit être un nombre de secondes positif.",
    ),
    (
        "tard.json",
        '{"segments": [{"startTime": 0, "endTime": 60, "body": "Bonjour."}]}',
        "Passage 1 : ce passage finit à 1:00, après la fin de l'audio (0:02).",
    ),
    ("liste.json", '{"chapters": []}', "contient une liste « segments »"),
]


@pytest.mark.parametrize(("name", "text", "message"), MALFORMED)
def test_a_bad_transcript_is_refused_naming_the_line(admin_client, episode, name, text, message):
    response = upload_transcript(admin_client, episode, name, text)
    assert response.status_code == 200
    assert message in page_text(response)
    assert saved_segments(episode) == []


def test_a_refused_transcript_keeps_the_editors_other_changes(admin_client, episode):
    response = upload_transcript(
        admin_client,
        episode,
        "coupé.vtt",
        "WEBVTT\n\n00:00:00,000 --> 00:00:01.000\nBonjour.\n",
        title=["Un titre retravaillé"],
    )
    assert response.status_code == 200
    assert "Un titre retravaillé</textarea>" in response.content.decode()
    assert latest(episode).title == episode.title


def test_an_episode_without_transcript_warns_the_editor(admin_client, episode):
    warning = "Cet épisode n'a pas de transcription"
    assert warning in page_text(admin_client.get(edit_url(episode)))
    upload_transcript(admin_client, episode, "entretien.vtt", VTT)
    assert warning not in page_text(admin_client.get(edit_url(episode)))


def test_a_draft_episode_keeps_its_uploaded_transcript(admin_client, show):
    draft = make_episode(show=show, live=False)
    assert upload_transcript(admin_client, draft, "entretien.srt", SRT).status_code == 302
    assert len(saved_segments(draft)) == 2


def test_a_new_episode_is_created_with_its_transcript(admin_client, show):
    add_url = f"/admin/pages/add/episodes/episodepage/{show.pk}/"
    response = admin_client.get(add_url)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: data.getlist(key) for key in data}
    data |= {
        "title": ["Le garage solidaire"],
        "slug": ["le-garage-solidaire"],
        "summary": ["Un témoignage."],
        "audio": [str(make_audio().pk)],
    }
    data["transcript_file"] = SimpleUploadedFile("entretien.vtt", VTT.encode())
    assert admin_client.post(add_url, data).status_code == 302
    episode = EpisodePage.objects.get(slug="le-garage-solidaire")
    assert [s.speaker for s in latest(episode).transcript_segments.all()] == [
        "Claire Martin",
        "Karim Benali",
    ]
