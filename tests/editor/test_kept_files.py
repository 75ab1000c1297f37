"""Files an editor chose before a save that failed elsewhere are kept (the chapters file on the
server, the transcript in its text box, the audio already uploaded through its chooser), or asked
for again in French, never silently dropped."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import querydict_from_html

from episodes.models import EpisodePage
from tests.editor.helpers import add_url, edit_form, edit_url, latest, page_text, post_edit
from tests.factories import make_audio, make_episode

CHAPTERS = {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Accueil"}]}
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Claire Martin>Bonjour à tous.\n"
BAD_VTT = "WEBVTT\n\n00:00:00,000 --> 00:00:01.000\nBonjour.\n"
KEPT = "Fichier « chapitres.json » conservé"
ASK_AGAIN = "Le fichier « {} » n'a pas été conservé : choisissez-le à nouveau."


def form_of(response):
    """The editor's form as the browser sends it again after the failed save."""
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return {key: data.getlist(key) for key in data}


def fail_with_chapters_file(client, episode):
    """A save refused for its empty title, with a chapters file chosen."""
    data = edit_form(client, episode) | {"title": [""]}
    content = json.dumps(CHAPTERS).encode()
    return post_edit(client, episode, data, chapters_file=("chapitres.json", content))


def test_a_chapters_file_chosen_before_a_failed_save_is_imported_by_the_next_save(
    admin_client, episode
):
    refused = fail_with_chapters_file(admin_client, episode)
    assert refused.status_code == 200
    assert KEPT in page_text(refused)
    data = form_of(refused) | {"title": ["Un titre retrouvé"]}
    assert post_edit(admin_client, episode, data).status_code == 302
    assert [chapter.title for chapter in latest(episode).chapters.all()] == ["Accueil"]
    assert latest(episode).title == "Un titre retrouvé"


def test_a_forged_kept_file_token_is_ignored(admin_client, episode):
    data = edit_form(admin_client, episode) | {"chapters_file-kept": ["../../etc/passwd"]}
    assert post_edit(admin_client, episode, data).status_code == 302
    assert list(latest(episode).chapters.all()) == []


def test_a_kept_file_gone_from_the_cache_is_asked_for_again(admin_client, episode, settings):
    data = form_of(fail_with_chapters_file(admin_client, episode)) | {"title": ["Un titre"]}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = post_edit(admin_client, episode, data)
    assert response.status_code == 200
    assert ASK_AGAIN.format("chapitres.json") in page_text(response)


def test_without_a_working_cache_the_chosen_file_is_asked_for_again(
    admin_client, episode, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response = fail_with_chapters_file(admin_client, episode)
    assert response.status_code == 200
    assert ASK_AGAIN.format("chapitres.json") in page_text(response)
    assert KEPT not in page_text(response)


def test_a_refused_transcript_file_is_asked_for_again(admin_client, episode):
    data = edit_form(admin_client, episode)
    response = post_edit(
        admin_client, episode, data, transcript_file=("coupé.vtt", BAD_VTT.encode())
    )
    assert response.status_code == 200
    assert ASK_AGAIN.format("coupé.vtt") in page_text(response)


def test_an_accepted_transcript_file_stays_in_its_text_box_after_a_failed_save(
    admin_client, episode
):
    data = edit_form(admin_client, episode) | {"title": [""]}
    refused = post_edit(admin_client, episode, data, transcript_file=("a.vtt", VTT.encode()))
    assert "Bonjour à tous." in page_text(refused)
    data = form_of(refused) | {"title": ["Un titre"]}
    assert post_edit(admin_client, episode, data).status_code == 302
    assert [s.body for s in latest(episode).transcript_segments.all()] == ["Bonjour à tous."]


def test_the_audio_chosen_for_a_new_episode_is_kept_after_a_failed_save(admin_client, show):
    make_episode(show=show)
    audio = make_audio(title="Atelier")
    data = form_of(admin_client.get(add_url(show)))
    data |= {"title": [""], "slug": ["un-atelier"], "audio": [str(audio.pk)]}
    data["summary"] = ["Un témoignage."]
    refused = admin_client.post(add_url(show), data)  # no title: refused
    assert refused.status_code == 200
    assert form_of(refused)["audio"] == [str(audio.pk)]
    data = form_of(refused) | {"title": ["Un atelier"]}
    data["transcript_file"] = SimpleUploadedFile("a.vtt", VTT.encode())
    assert admin_client.post(add_url(show), data).status_code == 302
    assert EpisodePage.objects.get(slug="un-atelier").audio == audio


def test_the_editor_page_has_no_kept_file_before_any_failed_save(admin_client, episode):
    assert "conservé" not in page_text(admin_client.get(edit_url(episode)))
