"""manage.py backup DEST: one archive of the whole instance (database, media, manifest)."""

import sys

from django.core.management import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from tqdm import tqdm

from episodes.backup.errors import BackupError
from episodes.backup.writer import write_backup


def progress_bar(command, description):
    """A function giving a tqdm counter of bytes on stderr (none at verbosity 0)."""

    def start(total):
        return tqdm(
            total=total, unit="o", unit_scale=True, unit_divisor=1024, desc=description,
            file=sys.stderr, disable=command.verbosity == 0, leave=False,
        )  # fmt: skip

    return start


class Command(BaseCommand):
    help = (
        "Sauvegarde la radio dans une archive : la base de données, tous les fichiers des médias "
        "(disque local ou stockage objet) et un manifeste avec leurs empreintes SHA-256. Le site "
        "peut rester en ligne pendant la sauvegarde."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination", help="Fichier .tar à écrire, ou dossier où l'écrire sous un nom daté."
        )

    def handle(self, destination, verbosity=1, **options):
        self.verbosity = verbosity
        try:
            path, manifest = write_backup(destination, progress_bar(self, _("Médias")))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if verbosity:
            size = sum(entry["size"] for entry in manifest["files"])
            message = _(
                "Sauvegarde écrite : %(path)s (base %(engine)s, %(count)d fichiers de médias, "
                "%(size)s)."
            )
            self.stdout.write(
                message
                % {
                    "path": path,
                    "engine": manifest["engine"],
                    "count": len(manifest["files"]),
                    "size": filesizeformat(size),
                }
            )
