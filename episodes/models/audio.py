"""Audio files of episodes, with the facts read from them once, at upload."""

import shutil
import tempfile
import uuid
from dataclasses import asdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from episodes.formats.audio import AudioRejected, read_audio_facts
from episodes.formats.id3_tags import write_episode_tags
from episodes.formats.timecodes import format_timecode
from episodes.models.audio_measures import MeasureStatus, measure_audio_file
from episodes.standards.apple import audio_warnings
from episodes.standards.loudness import loudness_warnings


def audio_upload_to(instance, filename):
    """An ASCII storage path named after the title, with the extension the content proved."""
    stem = slugify(instance.title)[:60] or "episode"
    return f"audio/{uuid.uuid4().hex[:8]}-{stem}.{instance.extension}"


class AudioFile(index.Indexed, models.Model):
    """An episode's audio (MP3 or AAC/M4A) and its facts, read once when it is uploaded."""

    title = models.CharField(_("titre"), max_length=255)
    file = models.FileField(
        _("fichier audio"),
        upload_to=audio_upload_to,
        max_length=255,
        help_text=_("MP3 ou AAC (M4A), les seuls formats acceptés par Apple Podcasts."),
    )
    duration = models.FloatField(_("durée (secondes)"), default=0, editable=False)
    bitrate = models.PositiveIntegerField(_("débit (bit/s)"), default=0, editable=False)
    sample_rate = models.PositiveIntegerField(_("fréquence (Hz)"), default=0, editable=False)
    channels = models.PositiveSmallIntegerField(_("canaux"), default=0, editable=False)
    codec = models.CharField(_("codec"), max_length=8, editable=False)
    mime_type = models.CharField(_("type MIME"), max_length=32, editable=False)
    extension = models.CharField(_("extension"), max_length=8, editable=False)
    size = models.BigIntegerField(_("taille (octets)"), default=0, editable=False)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, editable=False)
    measure_status = models.CharField(
        _("mesure du volume"),
        max_length=16,
        choices=MeasureStatus.choices,
        default=MeasureStatus.PENDING,
        editable=False,
    )
    integrated_loudness = models.FloatField(
        _("volume intégré (LUFS)"), null=True, blank=True, editable=False
    )
    true_peak = models.FloatField(_("crête réelle (dBTP)"), null=True, blank=True, editable=False)
    waveform = models.JSONField(_("forme d'onde"), default=list, blank=True, editable=False)
    # Null for files uploaded before it was read: the audience reads those files once.
    header_bytes = models.BigIntegerField(
        _("octets avant l'audio (ID3, métadonnées MP4)"), null=True, editable=False
    )
    uploaded_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    panels = [FieldPanel("title"), FieldPanel("file")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("fichier audio")
        verbose_name_plural = _("fichiers audio")

    def __str__(self):
        if not self.size:
            return self.title
        return f"{self.title} ({self.summary})"

    def save(self, *args, **kwargs):
        """Save, then have the task worker measure a newly read file's loudness and waveform."""
        super().save(*args, **kwargs)
        if self.size and self.measure_status == MeasureStatus.PENDING:
            transaction.on_commit(lambda: measure_audio_file.enqueue(self.pk, self.sha256))

    @property
    def summary(self):
        """« 12:34 · 11,3 Mo · 128 kbit/s · MP3 »: the facts an editor checks at a glance."""
        return " · ".join(
            [
                self.duration_display,
                str(filesizeformat(self.size)),
                f"{round(self.bitrate / 1000)} kbit/s",
                self.codec.upper(),
            ]
        )

    @property
    def warnings(self):
        """French warnings when the audio is outside Apple's recommendations (they do not block)."""
        if not self.size:
            return []
        return audio_warnings(self) + loudness_warnings(self.integrated_loudness, self.true_peak)

    @property
    def duration_display(self):
        return format_timecode(self.duration)

    def clean(self):
        """Read and check a newly uploaded file; refuse it with a French message if bad."""
        super().clean()
        if not self.file or getattr(self.file, "_committed", True):
            return
        try:
            facts = read_audio_facts(
                self.file.file,
                self.file.name,
                max_size=settings.AUDIO_MAX_UPLOAD_MB * 1024 * 1024,
            )
        except AudioRejected as rejection:
            raise ValidationError(
                {"file": ValidationError(rejection.message, code=rejection.code)}
            ) from rejection
        for field, value in asdict(facts).items():
            setattr(self, field, value)
        self.measure_status = MeasureStatus.PENDING
        self.integrated_loudness = self.true_peak = None
        self.waveform = []

    def write_tags(self, tags):
        """Write an episode's tags (EpisodeTags) into this MP3, stored anew under a new name, and
        read its facts again: the feed's length and the checksum stay true. The sound is the
        same, so its measure is kept."""
        old_name = self.file.name
        with tempfile.NamedTemporaryFile(suffix=".mp3") as copy:
            with self.file.open("rb") as stored:
                shutil.copyfileobj(stored, copy)
            copy.flush()
            write_episode_tags(copy.name, tags)
            copy.seek(0)
            max_size = settings.AUDIO_MAX_UPLOAD_MB * 1024 * 1024 * 2  # the tag may add a cover
            facts = read_audio_facts(copy, old_name.rpartition("/")[2], max_size=max_size)
            for field, value in asdict(facts).items():
                setattr(self, field, value)
            self.file.save(audio_upload_to(self, old_name), File(copy), save=False)
        self.save()
        if old_name != self.file.name:
            transaction.on_commit(lambda: self.file.storage.delete(old_name))
