"""How hits reach the database: in batches, in every delivery mode, with the bytes served."""

import pytest

from audience.models import Hit
from audience.recording import pending
from tests.audience.helpers import ANTENNAPOD, Listener, moment

pytestmark = pytest.mark.django_db
MORNING = moment("2026-03-02 08:00")


def test_a_busy_worker_writes_hits_in_batches(client, monkeypatch, settings, long_episode):
    settings.AUDIENCE_HITS_PER_WRITE = 3
    app = Listener(client, monkeypatch, user_agent=ANTENNAPOD)
    app.fetch(long_episode, MORNING, byte_range="0-1")
    app.fetch(long_episode, MORNING, byte_range="0-1")
    assert Hit.objects.count() == 0
    app.fetch(long_episode, MORNING, byte_range="0-1")
    assert Hit.objects.count() == 3


def test_waiting_hits_are_written_when_the_worker_exits(client, monkeypatch, settings, episode):
    settings.AUDIENCE_HITS_PER_WRITE = 100
    Listener(client, monkeypatch).fetch(episode, MORNING)
    pending.write()  # what atexit does
    assert Hit.objects.count() == 1


@pytest.mark.parametrize("mode", ["x-accel", "redirect"])
def test_other_delivery_modes_record_the_range_asked(client, monkeypatch, settings, episode, mode):
    settings.AUDIO_DELIVERY = mode
    response = Listener(client, monkeypatch).fetch(episode, MORNING, byte_range="100-")
    assert response.status_code in (200, 302)
    hit = Hit.objects.get()
    assert (hit.first_byte, hit.last_byte, hit.status) == (
        100,
        episode.audio.size - 1,
        response.status_code,
    )


def test_no_address_is_stored(client, monkeypatch, episode):
    Listener(client, monkeypatch, address="90.84.12.7").fetch(episode, MORNING)
    stored = " ".join(str(value) for value in Hit.objects.values_list().get())
    assert "90.84" not in stored and "12.7" not in stored
