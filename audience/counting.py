"""Download counting by IAB Podcast Measurement Guidelines v2.2 rules; pure, no ORM.

One download per audience (IPv4 address or IPv6 /64, + user agent) per episode per UTC day, when
the union of the byte ranges that audience fetched that day (overlaps removed), past the ID3 or
metadata bytes at the start, reaches one minute of audio, or the whole file when it is shorter:
threshold = header_bytes + (size - header_bytes) / duration_s * 60. HEAD requests, 304s and
`bytes=0-1` probes bring no audio bytes, so they never make a download on their own. Bots
(OPAWG's bots, Apple Watch auto-syncs among them) and hosts' web players that preload the audio
when their page opens are left out.
"""

from dataclasses import dataclass

MINUTE_SECONDS = 60
WATCH_DEVICES = frozenset({"Apple Watch"})
PRELOADING_REFERRER_CATEGORY = "host"  # OPAWG referrers: web players of hosting companies


@dataclass(frozen=True)
class AudioShape:
    """What the threshold needs of an audio file: size, duration, bytes before the audio."""

    size: int
    duration: float
    header_bytes: int = 0

    @property
    def audio_bytes(self):
        return max(self.size - self.header_bytes, 0)

    @property
    def needed_bytes(self):
        """Audio bytes making a download: one minute's worth, or all of them if shorter."""
        if self.duration <= MINUTE_SECONDS or self.duration <= 0:
            return self.audio_bytes
        return min(self.audio_bytes, int(self.audio_bytes / self.duration * MINUTE_SECONDS))

    @property
    def threshold(self):
        """The byte position (exclusive) one minute of audio ends at: IAB's formula."""
        return self.header_bytes + self.needed_bytes


def union_length(ranges, start, stop):
    """How many positions in [start, stop) the inclusive (first, last) ranges cover together."""
    clipped = sorted(
        (max(first, start), min(last + 1, stop))
        for first, last in ranges
        if first is not None and last is not None and last >= first
    )
    covered, reached = 0, start
    for low, high in clipped:
        low = max(low, reached)
        if high > low:
            covered += high - low
            reached = high
    return covered


def is_download(ranges, shape):
    """Whether one audience's ranges of one episode on one day make a download."""
    if shape.size <= 0:
        return False
    fetched = union_length(ranges, shape.header_bytes, shape.size)
    return fetched > 0 and fetched >= shape.needed_bytes


def excluded(agent):
    """Why an agent's requests are not downloads (a French-free machine word), or None."""
    if agent.is_bot:
        return "bot"
    if agent.device in WATCH_DEVICES:
        return "watch"
    if agent.kind == "browser" and agent.referrer_category == PRELOADING_REFERRER_CATEGORY:
        return "preload"
    return None
