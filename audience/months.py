"""Unique listeners per calendar month: the month keys of downloads are kept (one row per
listener and episode) until the month is over, then counted, deleted with the month's secret."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Count

from audience import keys
from audience.models import DayFigures, Hit, MonthFigures, MonthListener
from episodes.models import EpisodePage

BATCH = 5000


def remember(month, pairs):
    """Keep the (episode id, month key) pairs of downloads of a month (twice is once)."""
    MonthListener.objects.bulk_create(
        (MonthListener(month=month, episode_id=episode, key=key) for episode, key in pairs),
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def settle_months(now):
    """Count every month with kept keys; forget the keys and secret of months that are over."""
    this_month = now.date().replace(day=1)
    for month in MonthListener.objects.values_list("month", flat=True).distinct():
        count_month(month)
        if month < this_month and not month_has_open_days(month):
            forget_month(month)


def count_month(month):
    """Replace a month's listener figures by its kept keys' counts."""
    listeners = MonthListener.objects.filter(month=month)
    per_episode = listeners.values("episode_id").annotate(n=Count("key")).order_by()
    with transaction.atomic():
        MonthFigures.objects.filter(month=month).delete()
        rows = [
            MonthFigures(month=month, episode_id=row["episode_id"], listeners=row["n"])
            for row in per_episode
        ]
        rows += association_rows(month, listeners)
        total = listeners.values("key").distinct().count()
        rows.append(MonthFigures(month=month, episode=None, listeners=total))
        MonthFigures.objects.bulk_create(valid_episodes(rows), batch_size=BATCH)


def association_rows(month, listeners):
    """Each association's unique listeners: the distinct keys over the episodes featuring it
    (what its partners read; summing its episodes' figures would count a listener twice)."""
    featuring = defaultdict(set)
    links = EpisodePage.associations.through.objects.values_list("association_id", "episodepage_id")
    for association, episode in links:
        featuring[association].add(episode)
    rows = []
    for association, episodes in sorted(featuring.items()):
        count = listeners.filter(episode_id__in=episodes).values("key").distinct().count()
        if count:
            rows.append(MonthFigures(month=month, association_id=association, listeners=count))
    return rows


def valid_episodes(rows):
    """Rows whose episode still exists (a deleted episode's monthly listeners are left out)."""
    ids = {row.episode_id for row in rows if row.episode_id}
    alive = set(EpisodePage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [row for row in rows if row.episode_id is None or row.episode_id in alive]


def month_has_open_days(month):
    """Whether some day of the month still has raw hits or provisional figures."""
    end = (month + datetime.timedelta(days=32)).replace(day=1)
    start_moment = datetime.datetime.combine(month, datetime.time(), tzinfo=datetime.UTC)
    end_moment = datetime.datetime.combine(end, datetime.time(), tzinfo=datetime.UTC)
    open_days = DayFigures.objects.filter(day__gte=month, day__lt=end, final=False).exists()
    hits = Hit.objects.filter(recorded_at__gte=start_moment, recorded_at__lt=end_moment).exists()
    return open_days or hits


def forget_month(month):
    MonthListener.objects.filter(month=month).delete()
    keys.forget_periods([month.strftime("%Y-%m")])
