"""manage.py audience_report: one CSV row per episode, guid,title,downloads,listeners."""

import argparse
import csv
import datetime

from django.core.management import BaseCommand, CommandError

from audience.figures import Period, episode_figures


def day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide : « {value} » (attendu : AAAA-MM-JJ)."
        ) from None


class Command(BaseCommand):
    help = (
        "Téléchargements et auditeurs par épisode sur une période (tout par défaut), en CSV. "
        "Les auditeurs sont uniques par mois civil, additionnés sur les mois de la période."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", type=day, help="Premier jour (AAAA-MM-JJ, UTC).")
        parser.add_argument("--until", type=day, help="Dernier jour (AAAA-MM-JJ, UTC).")
        parser.add_argument("--format", choices=["csv"], default="csv")

    def handle(self, *args, since=None, until=None, **options):
        if since and until and since > until:
            raise CommandError("--since doit précéder --until.")
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["guid", "title", "downloads", "listeners"])
        for row in episode_figures(Period(since, until)):
            if row.episode is not None:
                writer.writerow([row.guid, row.title, row.downloads, row.listeners])
