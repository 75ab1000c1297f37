"""What audience measurement keeps: raw hits (≤ 48 h), the day's and month's secrets (deleted once
their period is final), and the aggregates reports read. No IP address is ever stored."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

EPISODE_MODEL = "episodes.EpisodePage"


class AudienceSecret(models.Model):
    """The HMAC key of one UTC day (« 2026-12-01 ») or month (« 2026-12 »), deleted once final."""

    period = models.CharField(max_length=10, unique=True)
    secret = models.CharField(max_length=64)

    def __str__(self):
        return self.period


class Hit(models.Model):
    """One request of an episode's audio, kept until its UTC day is aggregated for good.

    episode_id is a plain number (no foreign key): an episode deleted before aggregation leaves
    rows that are skipped, and recording never waits on a page lock.
    """

    recorded_at = models.DateTimeField(db_index=True)
    episode_id = models.BigIntegerField()
    day_key = models.CharField(max_length=32)
    month_key = models.CharField(max_length=32)
    # Inclusive byte positions served (sent, in stream mode); null when no byte was.
    first_byte = models.BigIntegerField(null=True)
    last_byte = models.BigIntegerField(null=True)
    status = models.PositiveSmallIntegerField()
    user_agent = models.CharField(max_length=255, blank=True)
    referrer = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        indexes = [models.Index(fields=["day_key", "episode_id"], name="audience_hit_key_episode")]

    def __str__(self):
        return f"{self.recorded_at:%Y-%m-%d %H:%M} · {self.episode_id} · {self.status}"


class EpisodeDay(models.Model):
    """Downloads of one episode on one UTC day (the rollup the overview and rankings read)."""

    day = models.DateField()
    episode = models.ForeignKey(
        EPISODE_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloads = models.PositiveIntegerField()
    # Days since the episode's publication (0: its first day), for the « rythme de lancement ».
    age = models.IntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["day", "episode"], name="audience_episodeday_day"),
            models.Index(fields=["episode", "day"], name="audience_episodeday_episode"),
        ]

    def __str__(self):
        return f"{self.day} · {self.episode_id} · {self.downloads}"


class EpisodeMonth(models.Model):
    """Downloads of one episode in one calendar month, the sum of its EpisodeDay rows (what a
    ranking over a long period reads for its whole months)."""

    month = models.DateField()
    episode = models.ForeignKey(
        EPISODE_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloads = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "episode"], name="audience_episodemonth_unique"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} · {self.episode_id} · {self.downloads}"


class DownloadBreakdown(models.Model):
    """Downloads of one episode on one UTC day for one app, device class, country and hour."""

    day = models.DateField(db_index=True)
    episode = models.ForeignKey(
        EPISODE_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    app = models.CharField(max_length=100)
    device = models.CharField(max_length=30)
    country = models.CharField(max_length=2)
    hour = models.PositiveSmallIntegerField()
    downloads = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.day} · {self.episode_id} · {self.app} · {self.downloads}"


class DayFigures(models.Model):
    """One UTC day's totals: unique listeners, and whether the day is final (its keys gone)."""

    day = models.DateField(unique=True)
    downloads = models.PositiveIntegerField(default=0)
    listeners = models.PositiveIntegerField(default=0)
    final = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        permissions = [("view_audience", "Voir l'audience de tous les épisodes")]

    def __str__(self):
        return f"{self.day} · {self.downloads}"


class MonthListener(models.Model):
    """A listener (month key) who downloaded an episode in a month, until the month is final."""

    month = models.DateField()
    episode_id = models.BigIntegerField()
    key = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "episode_id", "key"], name="audience_month_listener_unique"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} · {self.episode_id}"


class MonthFigures(models.Model):
    """Unique listeners in a calendar month: of one episode, of one association's episodes (a
    listener of two of them is one), or of the whole radio (neither set)."""

    month = models.DateField()
    episode = models.ForeignKey(
        EPISODE_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )
    association = models.ForeignKey(
        "episodes.Association", null=True, on_delete=models.CASCADE, related_name="+"
    )
    listeners = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["month", "episode"], name="audience_monthfigures_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} · {self.episode_id} · {self.listeners}"


class UnknownAgent(models.Model):
    """A user agent the OPAWG list does not know, counted so that the list can be improved."""

    user_agent = models.CharField(max_length=255, unique=True)
    hits = models.PositiveIntegerField(default=0)
    last_day = models.DateField()

    class Meta:
        ordering = ["-hits"]
        verbose_name = _("agent inconnu")
        verbose_name_plural = _("agents inconnus")

    def __str__(self):
        return self.user_agent


class PartnerMembership(models.Model):
    """Links a member of « Association partenaire » to the associations whose figures they see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audience_partner"
    )
    associations = models.ManyToManyField("episodes.Association", related_name="+")

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return str(self.user)

    def association_names(self):
        return ", ".join(association.name for association in self.associations.all())

    association_names.short_description = _("associations")
