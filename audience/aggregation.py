"""Turning raw hits into daily figures: `aggregate_downloads()` is the one function the scheduler,
`manage.py aggregate_downloads` and a task queue call. Idempotent: a day's figures are replaced,
never added to. A UTC day is final GRACE after it ends: its figures are written for good, its raw
hits and its secret deleted (so hits are kept at most a day and GRACE). Today's figures are
provisional, refreshed at most every REFRESH unless forced."""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from audience import keys, months, rollup
from audience.models import DayFigures, DownloadBreakdown, EpisodeDay, Hit, UnknownAgent
from audience.shapes import audio_shapes
from audience.tally import day_hits, tally_day
from episodes.models import EpisodePage

logger = logging.getLogger("audience.aggregation")
UTC = datetime.UTC
GRACE = datetime.timedelta(minutes=15)  # streams started before midnight may close after it
REFRESH = datetime.timedelta(minutes=10)
BATCH = 5000


@dataclass
class Summary:
    """What one aggregation run did, for the command's output and the logs."""

    days: list = field(default_factory=list)  # (day, downloads, listeners, final)
    late_hits: int = 0
    skipped: int = 0


def day_bounds(day):
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=UTC)
    return start, start + datetime.timedelta(days=1)


def aggregate_downloads(now=None, force=False):
    """Aggregate every day that has raw hits; finalise the days and months that are over."""
    now = now or timezone.now()
    summary = Summary()
    for day in days_with_hits():
        figures = DayFigures.objects.filter(day=day).first()
        if figures and figures.final:
            summary.late_hits += delete_late_hits(day)
            continue
        final = now >= day_bounds(day)[1] + GRACE
        if not (final or force) and figures and now - figures.updated_at < REFRESH:
            continue
        tally = aggregate_day(day, final)
        summary.days.append((day, tally.downloads, tally.listeners, final))
        summary.skipped += tally.skipped
    months.settle_months(now)
    return summary


def days_with_hits():
    moments = Hit.objects.datetimes("recorded_at", "day", tzinfo=UTC)
    return sorted({moment.date() for moment in moments})


def delete_late_hits(day):
    """Hits of a day already final (a stream that closed long after midnight) are dropped."""
    start, end = day_bounds(day)
    deleted, _ = Hit.objects.filter(recorded_at__gte=start, recorded_at__lt=end).delete()
    logger.warning("%s hits of %s arrived after its figures were final: dropped", deleted, day)
    return deleted


def aggregate_day(day, final):
    """Replace one day's figures by what its hits count; when final, forget the hits and key."""
    start, end = day_bounds(day)
    hits = Hit.objects.filter(recorded_at__gte=start, recorded_at__lt=end)
    ids = hits.values_list("episode_id", flat=True).order_by()
    shapes = audio_shapes(ids.distinct())
    month = day.replace(day=1)
    tally = tally_day(day_hits(start, end), shapes, lambda pairs: months.remember(month, pairs))
    months.remember(month, tally.month_keys)
    with transaction.atomic():
        write_day(day, tally, final)
        if final:
            save_unknown_agents(day, tally.unknown_agents)
            Hit.objects.filter(recorded_at__gte=start, recorded_at__lt=end).delete()
    if final:
        keys.forget_periods([keys.day_period(start)])
    if tally.skipped:
        logger.warning("%s: %s groups of hits left out (episode gone or bad)", day, tally.skipped)
    return tally


def create_in_batches(model, objects):
    """bulk_create BATCH at a time, from a generator, never holding every row at once."""
    batch = []
    for instance in objects:
        batch.append(instance)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


def write_day(day, tally, final):
    EpisodeDay.objects.filter(day=day).delete()
    DownloadBreakdown.objects.filter(day=day).delete()
    published = publication_days(tally.episodes)
    create_in_batches(
        EpisodeDay,
        (
            EpisodeDay(day=day, episode_id=episode, downloads=n, age=age(day, published, episode))
            for episode, n in tally.episodes.items()
        ),
    )
    create_in_batches(
        DownloadBreakdown,
        (
            DownloadBreakdown(
                day=day,
                episode_id=episode,
                app=app,
                device=device,
                country=country,
                hour=hour,
                downloads=n,
            )
            for (episode, app, device, country, hour), n in tally.breakdown.items()
        ),
    )
    DayFigures.objects.update_or_create(
        day=day,
        defaults={"downloads": tally.downloads, "listeners": tally.listeners, "final": final},
    )
    rollup.roll_up([day])


def publication_days(episode_ids):
    """{episode id: UTC day of its publication}."""
    dates = EpisodePage.objects.filter(pk__in=list(episode_ids)).values_list(
        "pk", "publication_date"
    )
    return {pk: moment.astimezone(UTC).date() for pk, moment in dates if moment}


def age(day, published, episode_id):
    return (day - published[episode_id]).days if episode_id in published else None


def save_unknown_agents(day, counts):
    """Add a final day's requests by unknown user agents to their counters."""
    known = {
        agent.user_agent: agent
        for agent in UnknownAgent.objects.filter(user_agent__in=list(counts))
    }
    for user_agent, hits in counts.items():
        agent = known.get(user_agent) or UnknownAgent(user_agent=user_agent, hits=0)
        agent.hits += hits
        agent.last_day = day
        agent.save()
