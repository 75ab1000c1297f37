"""The audio file an editor has just chosen in the episode editor shows its facts, loudness and
waveform before any save, from a small admin view: only to those who may choose audio files,
with a « Mesure en cours… » state while the task worker has not measured it yet."""

import html
import re

from django.contrib.auth.models import Group, Permission
from django.utils.html import strip_tags

from episodes.models import AudioFile
from episodes.models.audio_measures import measure_audio_file
from episodes.standards.loudness import decibels
from tests.editor.helpers import add_url, edit_url
from tests.factories import make_audio, make_episode


def facts_url(audio):
    return f"/admin/episodes/audio/{audio.pk}/facts/"


def answer(client, audio):
    response = client.get(facts_url(audio))
    assert response.status_code == 200
    data = response.json()
    return data["measure_status"], data["html"], re.sub(r"\s+", " ", strip_tags(data["html"]))


def measured(audio):
    measure_audio_file.call(audio.pk, audio.sha256)
    return AudioFile.objects.get(pk=audio.pk)


def test_a_chosen_quiet_audio_shows_its_loudness_warning_and_waveform(editor_client):
    audio = measured(make_audio(title="Atelier au calme", seconds=5.0, dbfs=-21))
    status, markup, text = answer(editor_client, audio)
    lufs = decibels(audio.integrated_loudness)
    assert status == "measured"
    assert "Fichier choisi : Atelier au calme" in text
    assert f"Trop faible : {lufs} LUFS (Apple recommande −16 LUFS" in text
    assert f"Volume intégré {lufs} LUFS" in text
    assert f"Crête réelle {decibels(audio.true_peak)} dBTP" in text
    assert 'role="img"' in markup and "Forme d'onde de l'épisode (0:05)" in html.unescape(markup)
    assert "Cliquez sur la forme d" in text


def test_an_audio_not_yet_measured_says_its_measure_is_under_way(editor_client):
    audio = make_audio(seconds=2.0)  # measured when the upload commits: not in this test
    status, markup, text = answer(editor_client, audio)
    assert status == "pending"
    assert "Mesure en cours…" in text
    assert "data-measure-pending" in markup
    assert 'role="img"' not in markup


def test_a_user_who_may_not_choose_audio_files_gets_a_404(client, django_user_model):
    audio = measured(make_audio())
    user = django_user_model.objects.create_user("curieux", "curieux@example.org", "motdepasse")
    admin_only = Group.objects.create(name="Accès seul")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(admin_only)
    client.force_login(user)
    assert client.get(facts_url(audio)).status_code == 404


def test_an_unknown_audio_file_gets_a_404(editor_client):
    assert editor_client.get("/admin/episodes/audio/999999/facts/").status_code == 404


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login(client, db):
    response = client.get(facts_url(make_audio()))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_new_episode_editor_loads_the_chosen_audio_script(editor_client, show):
    text = editor_client.get(add_url(show)).content.decode()
    assert "js/admin_chosen_audio.js" in text and "js/waveform.js" in text
    assert 'data-facts-url="/admin/episodes/audio/0/facts/"' in text


def test_a_saved_episode_marks_its_saved_audio_panel_for_the_chosen_audio_script(
    editor_client, show
):
    audio = measured(make_audio(seconds=5.0))
    text = editor_client.get(edit_url(make_episode(show=show, audio=audio))).content.decode()
    assert f'data-saved-audio-facts data-audio-id="{audio.pk}"' in text
    assert f'name="waveform_target_{audio.pk}"' in text
