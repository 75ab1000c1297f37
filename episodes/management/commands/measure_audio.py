"""manage.py measure_audio: have the task worker measure the audio files never measured (those
uploaded before loudness was measured, or while no worker ran)."""

from django.core.management import BaseCommand
from django.utils.translation import ngettext

from episodes.models import AudioFile
from episodes.models.audio_measures import MeasureStatus, measure_audio_file


class Command(BaseCommand):
    help = "Mesure le volume et la forme d'onde des fichiers audio jamais mesurés."

    def handle(self, *args, **options):
        pending = AudioFile.objects.filter(measure_status=MeasureStatus.PENDING).exclude(size=0)
        count = 0
        for audio_id, sha256 in list(pending.values_list("pk", "sha256")):
            measure_audio_file.enqueue(audio_id, sha256)
            count += 1
        message = ngettext(
            "%(count)s fichier audio à mesurer, confié au programme des tâches.",
            "%(count)s fichiers audio à mesurer, confiés au programme des tâches.",
            count,
        )
        self.stdout.write(message % {"count": count})
