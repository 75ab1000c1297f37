"""The figures reports read, for a period and a scope (None: every episode; else a set of episode
ids, what a partner association may see). A constant number of queries, whatever the number of
episodes or days."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.db.models.functions import ExtractIsoWeekDay
from django.utils.translation import gettext_lazy as _

from audience import rollup
from audience.models import DayFigures, DownloadBreakdown, EpisodeDay, MonthFigures
from episodes.models import EpisodePage

LAUNCH_DAYS = (1, 7, 30)


@dataclass(frozen=True)
class Period:
    """From `since` to `until`, both included (UTC days)."""

    since: datetime.date | None = None
    until: datetime.date | None = None

    def q(self, field="day"):
        condition = Q()
        if self.since:
            condition &= Q(**{f"{field}__gte": self.since})
        if self.until:
            condition &= Q(**{f"{field}__lte": self.until})
        return condition

    def days(self):
        day, days = self.since, []
        while day and self.until and day <= self.until:
            days.append(day)
            day += datetime.timedelta(days=1)
        return days


def scoped(rows, scope, field="episode_id"):
    return rows if scope is None else rows.filter(**{f"{field}__in": scope})


def downloads_per_day(period, scope=None):
    """[(day, downloads)] for every day of the period, days without downloads included."""
    if scope is None:
        rows = DayFigures.objects.filter(period.q()).values_list("day", "downloads")
    else:
        rows = scoped(EpisodeDay.objects.filter(period.q()), scope).values("day")
        rows = rows.annotate(n=Sum("downloads")).values_list("day", "n").order_by()
    counts = dict(rows)
    return [(day, counts.get(day, 0)) for day in period.days()]


def daily_listeners(period):
    """{day: unique listeners of the whole radio that day}."""
    return dict(DayFigures.objects.filter(period.q()).values_list("day", "listeners"))


def monthly_listeners(period, associations=None):
    """[(month, association name or None, unique listeners)]: of the whole radio, or of each of
    these associations (a partner's)."""
    months = MonthFigures.objects.filter(month_q(period), episode__isnull=True)
    if associations is None:
        months = months.filter(association__isnull=True)
    else:
        months = months.filter(association__in=associations)
    named = associations is not None and len(associations) > 1  # one line per association
    rows = months.order_by("month", "association__name")
    return [
        (month, name if named else None, listeners)
        for month, name, listeners in rows.values_list("month", "association__name", "listeners")
    ]


def month_q(period, field="month"):
    since = period.since.replace(day=1) if period.since else None
    return Period(since, period.until).q(field)


@dataclass
class EpisodeFigures:
    """One episode's row: downloads in the period, in its first days, all time; listeners."""

    episode: EpisodePage | None
    downloads: int = 0
    first_day: int = 0
    first_week: int = 0
    first_month: int = 0
    all_time: int = 0
    listeners: int = 0

    @property
    def guid(self):
        return str(self.episode.guid) if self.episode else ""

    @property
    def title(self):
        return self.episode.title if self.episode else str(_("Épisode supprimé"))


def episode_figures(period, scope=None):
    """EpisodeFigures of every episode with downloads ever, most downloaded in the period first."""
    launch = {
        f"n_first_{name}": Sum("downloads", filter=Q(age__gte=0, age__lt=days))
        for name, days in zip(("day", "week", "month"), LAUNCH_DAYS, strict=True)
    }
    rows = scoped(EpisodeDay.objects.all(), scope).values("episode_id").order_by()
    rows = rows.annotate(
        n_downloads=Sum("downloads", filter=period.q()), n_all_time=Sum("downloads"), **launch
    )
    listeners = dict(
        scoped(MonthFigures.objects.filter(month_q(period), episode__isnull=False), scope)
        .values("episode_id")
        .annotate(n=Sum("listeners"))
        .values_list("episode_id", "n")
        .order_by()
    )
    rows = list(rows)
    episodes = EpisodePage.objects.in_bulk([row["episode_id"] for row in rows if row["episode_id"]])
    figures = []
    for row in rows:
        pk = row.pop("episode_id")
        values = {key.removeprefix("n_"): value or 0 for key, value in row.items()}
        figures.append(EpisodeFigures(episodes.get(pk), listeners=listeners.get(pk, 0), **values))
    return sorted(figures, key=lambda row: (-row.downloads, -row.all_time, row.title))


def most_downloaded(period, scope=None, limit=10):
    """[(episode id, downloads)] of the most downloaded episodes of the period, in two queries
    (monthly sums for the months it wholly covers, daily rows for the days at its edges)."""
    counts = rollup.downloads_by_episode(period, scope)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def top_episodes(period, scope=None, limit=10):
    """[(title, downloads)] of the most downloaded episodes of the period, in two queries."""
    rows = most_downloaded(period, scope, limit)
    episodes = EpisodePage.objects.filter(pk__in=[pk for pk, _ in rows])
    titles = dict(episodes.values_list("pk", "title"))
    return [(titles.get(pk, ""), downloads) for pk, downloads in rows]


BREAKDOWNS = {
    "app": "app",
    "device": "device",
    "country": "country",
    "hour": "hour",
    "weekday": "weekday",
}


def breakdown(kind, period, scope=None):
    """[(value, downloads)] by app, device class, country, hour (radio's time) or ISO weekday."""
    rows = scoped(DownloadBreakdown.objects.filter(period.q()), scope)
    if kind == "weekday":
        rows = rows.annotate(weekday=ExtractIsoWeekDay("day"))
    rows = rows.values(BREAKDOWNS[kind]).annotate(n=Sum("downloads")).order_by()
    pairs = [(row[BREAKDOWNS[kind]], row["n"]) for row in rows]
    if kind in ("hour", "weekday"):
        present = dict(pairs)
        return [(value, present.get(value, 0)) for value in full_range(kind)]
    return sorted(pairs, key=lambda pair: (-pair[1], str(pair[0])))


def full_range(kind):
    return range(24) if kind == "hour" else range(1, 8)
