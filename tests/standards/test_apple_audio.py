"""Audio outside Apple's recommendations is accepted with French warnings, shown to editors in the
audio file's editor and in the episode editor, next to the file's facts."""

import io

import pytest

from episodes.formats.audio import read_audio_facts
from episodes.standards.apple import audio_warnings
from tests.audio_samples import encode_mp3
from tests.editor.helpers import edit_form, edit_url, page_text, post_edit
from tests.factories import make_audio, make_episode


def facts_of(**encoding):
    data = encode_mp3(1.0, **encoding)
    return read_audio_facts(io.BytesIO(data), "voix.mp3", max_size=10**8)


@pytest.mark.parametrize(
    "encoding",
    [
        {"bitrate": 128, "sample_rate": 44100, "channels": 1},
        {"bitrate": 96, "sample_rate": 44100, "channels": 1},
        {"bitrate": 192, "sample_rate": 44100, "channels": 2},
    ],
)
def test_audio_within_apples_recommendations_has_no_warning(encoding):
    assert audio_warnings(facts_of(**encoding)) == []


def test_a_low_bitrate_and_sample_rate_each_get_a_warning():
    warnings = audio_warnings(facts_of(bitrate=64, sample_rate=22050, channels=1))
    assert warnings == [
        "Débit de 64 kbit/s : Apple recommande 96 à 128 kbit/s en mono. "
        "Le son risque d'être de mauvaise qualité.",
        "Fréquence d'échantillonnage de 22 050 Hz : Apple recommande 44 100 Hz ou 48 000 Hz.",
    ]


def test_a_bitrate_above_the_recommendation_warns_of_a_heavy_file():
    (warning,) = audio_warnings(facts_of(bitrate=320, sample_rate=44100, channels=2))
    assert "Apple recommande 128 à 256 kbit/s en stéréo" in warning
    assert "plus lourd que nécessaire" in warning


def test_the_audio_file_editor_shows_the_warnings(admin_client):
    low = make_audio(bitrate=64, sample_rate=22050)
    page = page_text(admin_client.get(f"/admin/snippets/episodes/audiofile/edit/{low.pk}/"))
    assert "Débit de 64 kbit/s : Apple recommande 96 à 128 kbit/s en mono." in page
    good = make_audio(bitrate=128)
    page = page_text(admin_client.get(f"/admin/snippets/episodes/audiofile/edit/{good.pk}/"))
    assert "Apple recommande" not in page


def test_the_episode_editor_shows_the_audio_facts_and_warnings(admin_client, show):
    episode = make_episode(show=show, audio=make_audio(seconds=3.0, bitrate=64, sample_rate=22050))
    page = page_text(admin_client.get(edit_url(episode)))
    assert "Caractéristiques du fichier audio enregistré" in page
    assert "0:03" in page and "64 kbit/s" in page and "22050 Hz" in page and "mono" in page
    assert "Fréquence d'échantillonnage de 22 050 Hz : Apple recommande" in page


def test_a_warning_does_not_stop_the_episode_from_being_published(admin_client, client, show):
    episode = make_episode(show=show, live=False, audio=make_audio(bitrate=64))
    response = post_edit(admin_client, episode, edit_form(admin_client, episode), publish=True)
    assert response.status_code == 302
    assert client.get(episode.url).status_code == 200
