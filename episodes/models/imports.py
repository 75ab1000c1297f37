"""What podcast imports leave behind: their jobs, and where imported files came from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    """Where an import job stands; stored values are machine strings."""

    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échoué")


class ImportJob(models.Model):
    """An import of an existing podcast's feed, started from the admin or the command line."""

    source = models.CharField(_("flux importé"), max_length=2000)  # an address, or a file's name
    feed_file = models.BinaryField(_("fichier du flux"), null=True, blank=True, editable=False)
    owner_email = models.EmailField(_("e-mail du propriétaire"), blank=True)
    podcast_locked = models.BooleanField(_("flux verrouillé"), default=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lancé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("état"), max_length=8, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    show = models.ForeignKey(  # chosen by the user, else the show the import made or found
        "episodes.PodcastPage",
        verbose_name=_("podcast"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    total = models.PositiveIntegerField(_("épisodes dans le flux"), default=0)
    done = models.PositiveIntegerField(_("épisodes traités"), default=0)
    added = models.PositiveIntegerField(_("ajoutés"), default=0)
    updated = models.PositiveIntegerField(_("mis à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangés"), default=0)
    failed = models.PositiveIntegerField(_("non importés"), default=0)
    publish = models.BooleanField(_("publier sans validation"), default=False)
    messages = models.JSONField(_("messages"), default=list, blank=True)
    created_at = models.DateTimeField(_("lancé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import de podcast")
        verbose_name_plural = _("imports de podcasts")

    def __str__(self):
        return self.source_label

    @property
    def source_label(self):
        """The feed as editors know it: its address, or « fichier <name> » for an upload."""
        if self.feed_file is None:
            return self.source
        return _("fichier %(name)s") % {"name": self.source}

    @property
    def uploaded_feed(self):
        """The uploaded feed's bytes (the database may hand back a memoryview), or None."""
        return None if self.feed_file is None else bytes(self.feed_file)

    @property
    def percent(self):
        """How far the job has gone through the feed's episodes, 0 to 100."""
        if self.status == ImportStatus.DONE:
            return 100
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_active(self):
        return self.status in (ImportStatus.PENDING, ImportStatus.RUNNING)


class ImportedFile(models.Model):
    """The address an imported page's file (audio, artwork, transcript…) came from.

    A second import downloads a file again only when the feed gives another address.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)  # "feed", "audio", "artwork", "transcript", "chapters"
    url = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="unique_imported_file_kind")
        ]

    def __str__(self):
        return f"{self.kind}: {self.url}"


class ImportLock(models.Model):
    """The mark of a feed being imported: one at a time per feed, whatever starts it (admin or
    command line, any process). A lock whose import stopped beating for too long (a process
    killed mid-import) is taken over (importer/lock.py)."""

    feed = models.CharField(max_length=64, unique=True)  # SHA-256 of what identifies the feed
    label = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.label
