"""Editors list an episode's chapters with start times typed as « mm:ss » or « hh:mm:ss », or
import them from the MP3's ID3 chapter frames or a Podcasting 2.0 JSON file; bad chapters get a
French message and nothing is saved."""

import json

import pytest
from django.urls import reverse

from tests.audio_samples import id3_chapters_tag
from tests.editor.helpers import edit_form, edit_url, latest, page_text, post_edit, set_formset
from tests.factories import make_audio, make_episode

AUDIO_SECONDS = 80.0


@pytest.fixture
def long_episode(show):
    """An episode of AUDIO_SECONDS, long enough for chapters."""
    return make_episode(show=show, audio=make_audio(seconds=AUDIO_SECONDS))


def post_chapters(client, episode, rows, *, publish=False, **uploads):
    data = set_formset(edit_form(client, episode), "chapters", rows)
    return post_edit(client, episode, data, publish=publish, **uploads)


def saved_chapters(episode):
    return [(c.start_time, c.title, c.url) for c in latest(episode).chapters.all()]


def chapter(start, title, url=""):
    return {"start_time": start, "title": title, "url": url, "image": ""}


def test_start_times_typed_as_minutes_seconds_are_saved_in_seconds(admin_client, long_episode):
    rows = [
        chapter("0", "Accueil"),
        chapter("0:45", "Le projet"),
        chapter("0:01:05", "Les bénévoles"),
        chapter("75.5", "Conclusion"),
    ]
    assert post_chapters(admin_client, long_episode, rows).status_code == 302
    assert [start for start, _title, _url in saved_chapters(long_episode)] == [
        0.0,
        45.0,
        65.0,
        75.5,
    ]


def test_start_times_are_shown_back_as_minutes_seconds(admin_client, long_episode):
    post_chapters(
        admin_client, long_episode, [chapter("65", "Les bénévoles"), chapter("75.25", "Fin")]
    )
    data = edit_form(admin_client, long_episode)
    assert (data["chapters-0-start_time"], data["chapters-1-start_time"]) == (["1:05"], ["1:15.25"])


def test_an_unreadable_start_time_gets_a_french_error(admin_client, long_episode):
    response = post_chapters(admin_client, long_episode, [chapter("1h05", "Les bénévoles")])
    assert response.status_code == 200
    assert "« 1h05 » n'est pas un temps lisible : écrivez par exemple 1:15" in page_text(response)
    assert saved_chapters(long_episode) == []


def test_two_chapters_at_the_same_time_are_refused(admin_client, long_episode):
    rows = [chapter("0:10", "Le projet"), chapter("10", "Les bénévoles")]
    response = post_chapters(admin_client, long_episode, rows)
    assert response.status_code == 200
    assert "Un autre chapitre commence déjà à 0:10." in page_text(response)
    assert saved_chapters(long_episode) == []


def test_a_chapter_after_the_end_of_the_audio_is_refused(admin_client, long_episode):
    rows = [chapter("0", "Accueil"), chapter("1:02:03", "Bien après")]
    response = post_chapters(admin_client, long_episode, rows)
    assert response.status_code == 200
    assert "Ce chapitre commence à 1:02:03, après la fin de l'audio (1:20" in page_text(response)
    assert saved_chapters(long_episode) == []


def test_a_refused_chapter_keeps_what_the_editor_typed(admin_client, long_episode):
    response = post_chapters(admin_client, long_episode, [chapter("2:30", "Trop tard")])
    assert 'value="2:30"' in response.content.decode()
    assert 'value="Trop tard"' in response.content.decode()


def test_chapters_typed_out_of_order_are_kept_in_time_order(admin_client, client, long_episode):
    rows = [chapter("1:00", "Conclusion"), chapter("0:00", "Accueil"), chapter("0:30", "Projet")]
    assert post_chapters(admin_client, long_episode, rows, publish=True).status_code == 302
    assert [title for _start, title, _url in saved_chapters(long_episode)] == [
        "Accueil",
        "Projet",
        "Conclusion",
    ]
    data = edit_form(admin_client, long_episode)
    assert data["chapters-0-title"] == ["Accueil"]
    served = client.get(reverse("episode_chapters", kwargs={"guid": long_episode.guid})).json()
    assert [(c["startTime"], c["title"]) for c in served["chapters"]] == [
        (0, "Accueil"),
        (30, "Projet"),
        (60, "Conclusion"),
    ]


def test_chapters_are_imported_from_the_mp3_id3_frames(admin_client, client, show):
    tag = id3_chapters_tag(
        [
            (0, 20, "Accueil", ""),
            (20, 50, "L'atelier vélo", "https://example.org/atelier"),
            (50, 80, "Conclusion", ""),
        ]
    )
    episode = make_episode(show=show, audio=make_audio(seconds=AUDIO_SECONDS, id3_tag=tag))
    data = set_formset(edit_form(admin_client, episode), "chapters", [chapter("0:05", "Ancien")])
    data["import_audio_chapters"] = ["on"]
    assert post_edit(admin_client, episode, data, publish=True).status_code == 302
    expected = [
        (0.0, "Accueil", ""),
        (20.0, "L'atelier vélo", "https://example.org/atelier"),
        (50.0, "Conclusion", ""),
    ]
    assert saved_chapters(episode) == expected
    page = page_text(client.get(episode.url))
    assert "L'atelier vélo" in page


def test_importing_from_an_mp3_without_chapters_says_so(admin_client, long_episode):
    data = edit_form(admin_client, long_episode) | {"import_audio_chapters": ["on"]}
    response = post_edit(admin_client, long_episode, data)
    assert response.status_code == 200
    assert "Le fichier audio ne contient aucun chapitre" in page_text(response)


CHAPTERS_JSON = {
    "version": "1.2.0",
    "chapters": [
        {"startTime": 40, "title": "Les bénévoles", "url": "https://example.org/benevoles"},
        {"startTime": 0, "title": "Accueil"},
    ],
}


def upload_chapters_json(client, episode, document):
    content = document if isinstance(document, bytes) else json.dumps(document).encode()
    data = edit_form(client, episode)
    return post_edit(client, episode, data, chapters_file=("chapters.json", content))


def test_a_podcasting_json_chapters_file_replaces_the_chapters(admin_client, long_episode):
    assert upload_chapters_json(admin_client, long_episode, CHAPTERS_JSON).status_code == 302
    assert saved_chapters(long_episode) == [
        (0.0, "Accueil", ""),
        (40.0, "Les bénévoles", "https://example.org/benevoles"),
    ]


def test_chapters_hidden_from_the_table_of_contents_are_left_out(admin_client, long_episode):
    document = {"chapters": [*CHAPTERS_JSON["chapters"], {"startTime": 20, "toc": False}]}
    assert upload_chapters_json(admin_client, long_episode, document).status_code == 302
    assert [title for _start, title, _url in saved_chapters(long_episode)] == [
        "Accueil",
        "Les bénévoles",
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"version": "1.2.0",\n "chapters": [\n {"startTime": 0 "title": "A"}]}', "Ligne 3"),
        ({"version": "1.2.0"}, "Le fichier doit contenir une liste « chapters »"),
        ({"chapters": [{"startTime": "0:10", "title": "A"}]}, "Chapitre 1 : « startTime »"),
        ({"chapters": [{"startTime": 0}, {"startTime": 5}]}, "il manque le titre (« title »)"),
        ({"chapters": [{"startTime": 0, "title": "A", "url": "ftp:/x"}]}, "le lien « url »"),
        ({"chapters": [{"startTime": 0, "toc": False}]}, "aucun chapitre à afficher"),
        ({"chapters": [{"startTime": 90, "title": "Tard"}]}, "« Tard » : Ce chapitre commence"),
        ({"chapters": [{"startTime": 5, "title": "A"}, {"startTime": 5, "title": "B"}]}, "déjà"),
    ],
)
def test_a_bad_chapters_file_is_refused_saying_what_is_wrong(
    admin_client, long_episode, document, message
):
    response = upload_chapters_json(admin_client, long_episode, document)
    assert response.status_code == 200
    assert message in page_text(response)
    assert saved_chapters(long_episode) == []


def test_the_editor_shows_the_chapter_import_choices(admin_client, long_episode):
    page = page_text(admin_client.get(edit_url(long_episode)))
    assert "Importer les chapitres du fichier audio" in page
    assert "Fichier de chapitres (JSON Podcasting 2.0)" in page
