"""Downloads of each episode per calendar month, summed from its daily rows, so that a ranking
over a year reads twelve months and the days at its edges rather than 365 rows per episode."""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import Q, Sum

from audience.models import EpisodeDay, EpisodeMonth

BATCH = 5000


def next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def roll_up(days):
    """Rewrite the EpisodeMonth rows of the months of `days` from their EpisodeDay rows."""
    for month in sorted({day.replace(day=1) for day in days}):
        rows = EpisodeDay.objects.filter(day__gte=month, day__lt=next_month(month))
        rows = rows.values("episode_id").annotate(n=Sum("downloads")).order_by()
        with transaction.atomic():
            EpisodeMonth.objects.filter(month=month).delete()
            EpisodeMonth.objects.bulk_create(
                [
                    EpisodeMonth(month=month, episode_id=row["episode_id"], downloads=row["n"])
                    for row in rows
                ],
                batch_size=BATCH,
            )


def whole_months(period):
    """(first, end): the calendar months wholly inside the period, first included, end not;
    None when it holds none (or is open-ended)."""
    if not (period.since and period.until):
        return None
    first = period.since if period.since.day == 1 else next_month(period.since)
    end = (period.until + datetime.timedelta(days=1)).replace(day=1)
    return (first, end) if first < end else None


def downloads_by_episode(period, scope=None):
    """Counter {episode id: downloads in the period}, deleted episodes left out, in two queries
    at most: whole months from EpisodeMonth, the days at the period's edges from EpisodeDay."""
    months = whole_months(period)
    counts = Counter()
    edges = period.q()
    if months:
        first, end = months
        # Two day ranges, each read from the day index, rather than the period minus the months.
        edges = Q(day__gte=period.since, day__lt=first) | Q(day__gte=end, day__lte=period.until)
        rolled = EpisodeMonth.objects.filter(month__gte=first, month__lt=end)
        counts.update(dict(sums(rolled, scope)))
    counts.update(dict(sums(EpisodeDay.objects.filter(edges), scope)))
    return counts


def sums(rows, scope):
    rows = rows.filter(episode__isnull=False)
    if scope is not None:
        rows = rows.filter(episode_id__in=scope)
    rows = rows.values("episode_id").annotate(n=Sum("downloads")).order_by()
    return rows.values_list("episode_id", "n")
