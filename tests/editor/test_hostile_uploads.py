"""Files built to break the episode editor: JSON nested a hundred thousand levels deep, NUL bytes
and lone surrogates (PostgreSQL refuses NUL, no database can encode a lone surrogate), an MP3
with hundreds of bad chapters. Each gets a French answer or is cleaned; never a 500."""

import json

from tests.audio_samples import id3_chapters_tag
from tests.editor.helpers import edit_form, edit_url, latest, page_text, post_edit
from tests.factories import make_audio, make_episode

DEEP = ("[" * 100_000 + "]" * 100_000).encode()


def upload(client, episode, field, name, content, **changes):
    data = edit_form(client, episode) | changes
    return post_edit(client, episode, data, **{field: (name, content)})


def test_a_json_transcript_nested_too_deep_is_refused_in_french(admin_client, episode):
    response = upload(admin_client, episode, "transcript_file", "profond.json", DEEP)
    assert response.status_code == 200
    assert "imbriqué sur plus de 32 niveaux" in page_text(response)
    assert list(latest(episode).transcript_segments.all()) == []


def test_a_chapters_file_nested_too_deep_is_refused_in_french(admin_client, episode):
    nested = {
        "chapters": [{"startTime": 0, "title": "Accueil", "x": json.loads("[" * 40 + "]" * 40)}]
    }
    for content in (DEEP, json.dumps(nested).encode()):
        response = upload(admin_client, episode, "chapters_file", "profond.json", content)
        assert response.status_code == 200
        assert "imbriqué sur plus de 32 niveaux" in page_text(response)


def test_nul_bytes_and_lone_surrogates_are_removed_from_an_uploaded_transcript(
    admin_client, episode
):
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Claire\x00 Martin>Bon\x00jour.\n"
    assert (
        upload(admin_client, episode, "transcript_file", "nul.vtt", vtt.encode()).status_code == 302
    )
    segment = latest(episode).transcript_segments.get()
    assert (segment.speaker, segment.body) == ("Claire Martin", "Bonjour.")
    document = {
        "segments": [
            {"startTime": 0, "endTime": 1, "speaker": "K\u0000arim", "body": "Salut \ud83d !"}
        ]
    }
    text = json.dumps(document).encode()  # \u0000 and \ud83d written as JSON escapes
    assert upload(admin_client, episode, "transcript_file", "nul.json", text).status_code == 302
    segment = latest(episode).transcript_segments.get()
    assert (segment.speaker, segment.body) == ("Karim", "Salut !")


def test_a_nul_byte_in_a_chapter_title_is_removed(admin_client, episode):
    document = {"chapters": [{"startTime": 0, "title": "Accu\u0000eil"}]}
    response = upload(
        admin_client, episode, "chapters_file", "c.json", json.dumps(document).encode()
    )
    assert response.status_code == 302
    assert [chapter.title for chapter in latest(episode).chapters.all()] == ["Accueil"]


def test_hundreds_of_bad_chapters_are_summed_up_after_the_first_few(admin_client, show):
    """667 chapters past the end of a 2-second MP3: five named, the rest counted."""
    lost = [(10 + n, 11 + n, f"Chapitre perdu {n}", "") for n in range(667)]
    tag = id3_chapters_tag(lost, table_of_contents=False)
    episode = make_episode(show=show, audio=make_audio(seconds=2.0, id3_tag=tag))
    response = post_edit(
        admin_client, episode, edit_form(admin_client, episode) | {"import_audio_chapters": ["on"]}
    )
    text = page_text(response)
    assert response.status_code == 200
    assert "« Chapitre perdu 4 » : Ce chapitre commence à 0:14, après la fin de l'audio" in text
    assert "Chapitre perdu 5 »" not in text
    assert "… et 662 autres erreurs." in text
    assert len(response.content) < len(admin_client.get(edit_url(episode)).content) + 10_000
