"""Replaying podcast apps' requests of an episode's audio, at a chosen time, then counting."""

import datetime

from django.urls import reverse

from audience.aggregation import aggregate_downloads
from audience.models import EpisodeDay

UTC = datetime.UTC
APPLE_PODCASTS = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; fr_fr)"
SPOTIFY = "Spotify/8.8.96 Android/33 (SM-G991B)"
ANTENNAPOD = "AntennaPod/3.2.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
APPLE_WATCH = "atc/1.0 watchOS/10.0 model/Watch6,1 hwp/t8301 build/21R356 (6; dt:263)"
CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)


def moment(text):
    """A UTC time from « 2026-03-02 10:00 »."""
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


class Listener:
    """An app on one address fetching an episode's audio through the test client."""

    def __init__(self, client, monkeypatch, *, address="90.84.12.7", user_agent=APPLE_PODCASTS):
        self.client, self.monkeypatch = client, monkeypatch
        self.address, self.user_agent = address, user_agent

    def fetch(self, episode, when, *, byte_range=None, method="get", read=None, **headers):
        """One request at `when`; the body read whole, or only its first `read` bytes (the app
        then goes away). Returns the response."""
        self.monkeypatch.setattr("audience.recording.current_time", lambda: when)
        ext = episode.audio.extension
        url = reverse("episode_audio", kwargs={"guid": episode.guid, "ext": ext})
        if byte_range:
            headers["HTTP_RANGE"] = f"bytes={byte_range}"
        if self.user_agent is not None:
            headers["HTTP_USER_AGENT"] = self.user_agent
        response = getattr(self.client, method)(url, REMOTE_ADDR=self.address, **headers)
        if response.streaming:
            consume(response, read)
        return response


def consume(response, limit):
    """Read a streamed body whole, or until `limit` bytes, then close it as a server does."""
    received = 0
    for chunk in response.streaming_content:
        received += len(chunk)
        if limit is not None and received >= limit:
            # The app goes away: closing the test client's own wrapper closes the response
            # with the test database's connection kept, as the client does at the end.
            response._iterator.close()
            return


def downloads(episode=None, *, when):
    """Aggregate as the scheduler would at `when`, then the downloads counted (of an episode)."""
    aggregate_downloads(now=when, force=True)
    rows = EpisodeDay.objects.all()
    if episode is not None:
        rows = rows.filter(episode=episode)
    return sum(rows.values_list("downloads", flat=True))
