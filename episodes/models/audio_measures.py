"""The measure of an audio file's sound (loudness, true peak, waveform), made once after upload
by the task worker: decoding an hour of audio takes seconds, no request waits for it."""

import contextlib
import logging

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from episodes.formats.measuring import MeasureUnavailable, measure_audio

logger = logging.getLogger("episodes")


class MeasureStatus(models.TextChoices):
    """Where the measure of an audio file's loudness and waveform stands."""

    PENDING = "pending", _("en attente")
    MEASURED = "measured", _("mesuré")
    UNAVAILABLE = "unavailable", _("indisponible pour ce format")


def local_path(audio):
    """The stored file's path on this machine, or None in a storage without local files."""
    try:
        return audio.file.path
    except NotImplementedError:
        return None


def measured_fields(audio):
    """{field: value} of the measure of this audio file's sound, read from its stored file
    (by its path when it is on this machine: the decoder then reads it without Python)."""
    path = local_path(audio)
    with contextlib.nullcontext(path) if path else audio.file.open("rb") as source:
        try:
            measures = measure_audio(source, expected_seconds=audio.duration)
        except MeasureUnavailable as reason:
            logger.info("Audio %s not measured: %s", audio.pk, reason)
            return {"measure_status": MeasureStatus.UNAVAILABLE}
    return {
        "measure_status": MeasureStatus.MEASURED,
        "integrated_loudness": measures.integrated_loudness,
        "true_peak": measures.true_peak,
        "waveform": measures.peaks,
    }


@task()
def measure_audio_file(audio_id, sha256=""):
    """Measure an uploaded audio file's loudness and waveform, unless it changed meanwhile."""
    audio_files = apps.get_model("episodes", "AudioFile").objects
    audio = audio_files.filter(pk=audio_id).first()
    if audio is None or (sha256 and audio.sha256 != sha256):
        return
    fields = measured_fields(audio)
    # An update, not save(): the file's other facts stay as read at upload, and no new measure.
    audio_files.filter(pk=audio_id, sha256=audio.sha256).update(**fields)
