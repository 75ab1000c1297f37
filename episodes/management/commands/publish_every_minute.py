"""Runs Wagtail's publish_scheduled every minute: scheduled episodes go out on time with `make run`;
the audience figures are aggregated at the same pace (audience.aggregation.aggregate_downloads).

In production, cron or a systemd timer runs `manage.py publish_scheduled` instead (see README).
"""

import time

from django.core.management import BaseCommand, call_command

from audience.aggregation import aggregate_downloads_safely

INTERVAL_SECONDS = 60


class Command(BaseCommand):
    help = "Publie chaque minute les pages programmées (publish_scheduled), pour le développement."

    def add_arguments(self, parser):
        parser.add_argument(
            "--iterations",
            type=int,
            default=0,
            help="Nombre de passages avant de s'arrêter (0 : sans fin).",
        )

    def handle(self, *args, iterations=0, **options):
        done = 0
        while True:
            call_command("publish_scheduled", verbosity=options["verbosity"])
            aggregate_downloads_safely()
            done += 1
            if iterations and done >= iterations:
                return
            time.sleep(INTERVAL_SECONDS)
