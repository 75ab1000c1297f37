"""Editors see how loud their episode is, measured once after upload by the task worker: its
integrated loudness and true peak beside the audio's facts, a French warning when it is outside
Apple's recommendations, its waveform in the episode editor, and a plain word for a format that
cannot be measured (the upload is kept)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import strip_tags

from episodes.models import AudioFile
from episodes.standards.loudness import decibels
from tests.audio_samples import encode_mp3, fixture
from tests.editor.helpers import edit_url, page_text
from tests.factories import make_episode

ADD_URL = "/admin/snippets/episodes/audiofile/add/"


def uploaded(client, capture, name, data):
    """Upload through the admin; the measure runs when the upload's transaction commits."""
    with capture(execute=True):
        response = client.post(
            ADD_URL, {"title": "Témoignage", "file": SimpleUploadedFile(name, data)}
        )
    assert response.status_code == 302
    return AudioFile.objects.get()


def visible(response):
    """The page's text as read on screen: tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", strip_tags(page_text(response)))


def audio_screen(client, audio):
    return visible(client.get(f"/admin/snippets/episodes/audiofile/edit/{audio.pk}/"))


def test_a_too_quiet_mp3_gets_its_french_warning_in_the_episode_editor(
    admin_client, show, django_capture_on_commit_callbacks
):
    data = encode_mp3(5.0, dbfs=-21)
    audio = uploaded(admin_client, django_capture_on_commit_callbacks, "calme.mp3", data)
    assert audio.integrated_loudness == pytest.approx(-24, abs=0.6)  # LAME takes off ~0.4 dB
    lufs = decibels(audio.integrated_loudness)
    response = admin_client.get(edit_url(make_episode(show=show, audio=audio)))
    text = visible(response)
    assert (
        f"Trop faible : {lufs} LUFS (Apple recommande −16 LUFS ; Spotify diffuse à −14 LUFS)"
        in text
    )
    assert f"Volume intégré {lufs} LUFS" in text
    assert "Crête réelle trop haute" not in text
    html = page_text(response)
    assert 'role="img"' in html and "Forme d'onde de l'épisode (0:05)" in html


def test_the_audio_file_screen_shows_loudness_and_true_peak(
    admin_client, django_capture_on_commit_callbacks
):
    data = encode_mp3(5.0, dbfs=-13)
    audio = uploaded(admin_client, django_capture_on_commit_callbacks, "voix.mp3", data)
    assert audio.integrated_loudness == pytest.approx(-16, abs=0.6)
    assert audio.true_peak == pytest.approx(-13, abs=0.6)
    text = audio_screen(admin_client, audio)
    assert f"Volume intégré {decibels(audio.integrated_loudness)} LUFS" in text
    assert f"Crête réelle {decibels(audio.true_peak)} dBTP" in text
    assert "Trop faible" not in text and "Trop fort" not in text


def test_a_loud_clipping_mp3_is_warned_about_loudness_and_true_peak(
    admin_client, django_capture_on_commit_callbacks
):
    data = encode_mp3(5.0, dbfs=0)
    audio = uploaded(admin_client, django_capture_on_commit_callbacks, "fort.mp3", data)
    text = audio_screen(admin_client, audio)
    assert f"Trop fort : {decibels(audio.integrated_loudness)} LUFS" in text
    assert f"Crête réelle trop haute : {decibels(audio.true_peak)} dBTP" in text
    assert "Apple recommande au plus −1 dBTP" in text


def test_an_m4a_is_kept_and_says_its_loudness_cannot_be_measured(
    admin_client, django_capture_on_commit_callbacks
):
    data = fixture("tone.m4a")
    audio = uploaded(admin_client, django_capture_on_commit_callbacks, "voix.m4a", data)
    assert (audio.codec, audio.measure_status) == ("aac", "unavailable")
    assert "Mesure du volume indisponible pour ce format" in audio_screen(admin_client, audio)


def test_a_file_not_yet_measured_says_so(admin_client):
    response = admin_client.post(
        ADD_URL, {"title": "Témoignage", "file": SimpleUploadedFile("a.mp3", encode_mp3(2.0))}
    )
    assert response.status_code == 302  # no commit in this test: the worker has not run yet
    assert "Mesure en cours" in audio_screen(admin_client, AudioFile.objects.get())


def test_files_uploaded_before_measuring_existed_are_measured_by_a_command(db):
    from io import StringIO

    from django.core.management import call_command

    from tests.factories import make_audio

    audio = make_audio(seconds=3.0, dbfs=-21)  # saved in the test's transaction: not measured
    assert audio.measure_status == "pending"
    output = StringIO()
    call_command("measure_audio", stdout=output)
    audio.refresh_from_db()
    assert audio.measure_status == "measured" and audio.integrated_loudness < -20
    assert "1 fichier audio à mesurer" in output.getvalue()
