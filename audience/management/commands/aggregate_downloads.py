"""manage.py aggregate_downloads: count the recorded audio requests now (audience/aggregation)."""

from django.core.management import BaseCommand

from audience.aggregation import aggregate_downloads


class Command(BaseCommand):
    help = "Compte les téléchargements enregistrés (règles IAB v2.2) et met à jour les chiffres."

    def handle(self, *args, **options):
        summary = aggregate_downloads(force=True)
        for day, downloads, listeners, final in summary.days:
            state = "définitif" if final else "provisoire"
            self.stdout.write(
                f"{day:%Y-%m-%d} : {downloads} téléchargements, {listeners} auditeurs ({state})"
            )
        if not summary.days:
            self.stdout.write("Aucune requête à compter.")
        if summary.skipped:
            self.stdout.write(f"{summary.skipped} groupes de requêtes écartés (voir le journal).")
