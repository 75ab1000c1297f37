"""manage.py import_podcast <feed address or file>: bring an existing podcast into the site."""

import argparse

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from episodes.importer.run import ImportFailed, Reporter, run_import
from episodes.importer.show import ShowChoice
from episodes.models import PodcastPage


def chosen_show(slug):
    """The show named by --show, or None; CommandError if there is none of that name."""
    if not slug:
        return None
    show = PodcastPage.objects.filter(slug=slug).first()
    if show is None:
        raise CommandError(f"Aucune émission n'a l'identifiant d'URL « {slug} ».")
    return show


def result_summary(counts):
    """« 1 ajouté, 0 mis à jour, 2 inchangés, 0 non importé » (French: 0 and 1 are singular)."""
    labels = {
        "added": ("ajouté", "ajoutés"),
        "updated": ("mis à jour", "mis à jour"),
        "unchanged": ("inchangé", "inchangés"),
        "failed": ("non importé", "non importés"),
    }
    return ", ".join(
        f"{counts[key]} {singular if counts[key] <= 1 else plural}"
        for key, (singular, plural) in labels.items()
    )


class Unended:
    """A command's output stream for tqdm, which ends its own lines (OutputWrapper adds one)."""

    def __init__(self, output):
        self.output = output

    def write(self, text):
        self.output.write(text, ending="")

    def flush(self):
        self.output.flush()


class ProgressBar(Reporter):
    """The import's progress as a tqdm bar, its messages printed above it."""

    def __init__(self, command):
        self.command = command
        self.bar = None

    def started(self, show, total):
        episodes = "épisode" if total <= 1 else "épisodes"  # French: 0 and 1 are singular
        self.command.stdout.write(f"Podcast « {show.title} » : {total} {episodes} dans le flux.")
        self.stream = Unended(self.command.stdout)
        self.bar = tqdm(total=total, desc="Épisodes", unit="épisode", file=self.stream, ascii=True)

    def episode_done(self, title, result):
        self.bar.update(1)

    def message(self, level, text):
        line = self.command.style.ERROR(text) if level == "error" else text
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            self.command.stdout.write(line)

    def close(self):
        if self.bar is not None:
            self.bar.close()


class Command(BaseCommand):
    help = (
        "Importe un podcast existant depuis son flux RSS (adresse ou fichier) : crée ou met à "
        "jour l'émission et ses épisodes, avec leur audio, pochettes, transcriptions et chapitres."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Adresse du flux RSS ou chemin d'un fichier RSS.")
        parser.add_argument(
            "--show",
            default="",
            metavar="SLUG",
            help=(
                "Importer dans cette émission (son identifiant d'URL) ; par défaut celle de ce "
                "flux (retrouvée par son podcast:guid ou son adresse), sinon une nouvelle."
            ),
        )
        parser.add_argument(
            "--owner-email",
            default="",
            help=(
                "E-mail du propriétaire dans notre flux (par défaut : celui de l'émission "
                "principale du site ; celui de l'ancien hébergeur n'est pas repris)."
            ),
        )
        parser.add_argument(
            "--lock",
            action=argparse.BooleanOptionalAction,
            default=None,
            help=(
                "Verrouiller notre flux (podcast:locked) ou non ; par défaut : verrouillé pour "
                "une nouvelle émission, inchangé pour une émission existante."
            ),
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help=(
                "Publier le podcast et ses épisodes sans passer par la validation (sinon : "
                "brouillons soumis à la validation, comme les épisodes écrits sur le site)."
            ),
        )

    def handle(self, source, owner_email, show="", lock=None, publish=False, **options):
        choice = ShowChoice(chosen_show(show), owner_email, lock)
        reporter = ProgressBar(self)
        try:
            show, counts = run_import(source, reporter, choice=choice, publish=publish)
        except ImportFailed as problem:
            raise CommandError(str(problem)) from None
        finally:
            reporter.close()
        self.stdout.write(self.style.SUCCESS(f"Import terminé : {result_summary(counts)}."))
        self.stdout.write(f"Flux : {show.feed_url}")
