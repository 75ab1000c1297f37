"""One UTC day's raw hits, read in order (audience key, then episode) without loading them all,
turned into download counters whose size depends on episodes, apps and countries, not on hits."""

import logging
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from django.utils import timezone

from audience.counting import excluded, is_download
from audience.models import Hit
from audience.user_agents import UNKNOWN, classify

logger = logging.getLogger("audience.aggregation")
CHUNK = 5000
MAX_UNKNOWN_AGENTS = 10_000
COLUMNS = (
    "day_key",
    "episode_id",
    "month_key",
    "first_byte",
    "last_byte",
    "user_agent",
    "referrer",
    "country",
    "recorded_at",
)


@dataclass
class DayTally:
    """What one day's hits add up to."""

    episodes: Counter = field(default_factory=Counter)  # episode id → downloads
    breakdown: Counter = field(default_factory=Counter)  # (episode, app, device, country, hour)
    listeners: int = 0
    month_keys: set = field(default_factory=set)  # (episode id, month key) of downloads
    unknown_agents: Counter = field(default_factory=Counter)
    skipped: int = 0  # groups of hits that could not be counted (logged)

    @property
    def downloads(self):
        return sum(self.episodes.values())


def day_hits(start, end):
    """The hits of [start, end), in key then episode order, read CHUNK rows at a time."""
    rows = Hit.objects.filter(recorded_at__gte=start, recorded_at__lt=end)
    rows = rows.order_by("day_key", "episode_id", "recorded_at").values_list(*COLUMNS)
    return rows.iterator(chunk_size=CHUNK)


def tally_day(rows, shapes, on_month_keys=None):
    """Count the downloads in rows (ordered by key and episode); shapes: {episode id: AudioShape}.

    on_month_keys(set) is called whenever enough month keys are gathered, so that they are
    written in batches instead of held."""
    tally = DayTally()
    for _key, audience_rows in groupby(rows, key=lambda row: row[0]):
        listened = False
        for episode_id, hits in groupby(audience_rows, key=lambda row: row[1]):
            try:
                listened |= count_audience(tally, shapes.get(episode_id), list(hits))
            except Exception:
                tally.skipped += 1
                logger.exception("Hits of episode %s skipped", episode_id)
        tally.listeners += listened
        if on_month_keys and len(tally.month_keys) >= CHUNK:
            on_month_keys(tally.month_keys)
            tally.month_keys = set()
    return tally


def count_audience(tally, shape, hits):
    """Add one audience's hits of one episode to the tally; True if they make a download."""
    _key, episode_id, month_key, _first, _last, user_agent, referrer, country, moment = hits[0]
    agent = classify(user_agent, referrer)
    if agent.kind == UNKNOWN and user_agent:
        if user_agent in tally.unknown_agents or len(tally.unknown_agents) < MAX_UNKNOWN_AGENTS:
            tally.unknown_agents[user_agent] += len(hits)
    if excluded(agent) or shape is None:
        tally.skipped += shape is None
        return False
    if not is_download([(hit[3], hit[4]) for hit in hits], shape):
        return False
    tally.episodes[episode_id] += 1
    app = (agent.app or ("" if agent.kind == UNKNOWN else agent.kind))[:100]
    hour = timezone.localtime(moment).hour  # the radio's own time (TIME_ZONE), not UTC
    tally.breakdown[(episode_id, app, agent.device_category[:30], country, hour)] += 1
    tally.month_keys.add((episode_id, month_key))
    return True
