"""manage.py restore ARCHIVE: rebuild an empty instance from an archive of manage.py backup."""

from django.core.cache import cache
from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from episodes.backup import reader
from episodes.backup.errors import BackupError
from episodes.management.commands.backup import progress_bar


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde de manage.py backup dans une instance vide (base migrée ou "
        "vide, stockage des médias vide). Vérifie toutes les empreintes avant de rien modifier."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive .tar écrite par manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer le contenu d'une instance qui n'est pas vide (il sera perdu).",
        )

    def handle(self, archive, force=False, verbosity=1, **options):
        self.verbosity = verbosity
        try:
            self.restore(archive, force)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        cache.clear()  # nothing cached from the former content may be served
        if verbosity:
            self.stdout.write(_("Sauvegarde restaurée depuis %(path)s.") % {"path": archive})

    def restore(self, path, force):
        archive, manifest = reader.open_archive(path)
        with archive:
            contents = reader.instance_contents()
            if contents and not force:
                raise BackupError(
                    _(
                        "Cette instance n'est pas vide (%(contents)s) : la restauration "
                        "remplacerait ce contenu. Restaurez dans une instance vide, ou relancez "
                        "avec --force pour l'écraser."
                    )
                    % {"contents": contents}
                )
            reader.check_archive(archive, manifest, progress_bar(self, _("Vérification")))
            if force:
                reader.clear_media()
            reader.restore_archive(archive, manifest, progress_bar(self, _("Médias")))
