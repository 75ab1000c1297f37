"""Enqueue the periodic jobs that are due (operations/jobs.py), once or every minute."""

import time

from django.core.management import BaseCommand

from operations.jobs import enqueue_due_jobs

INTERVAL_SECONDS = 60


class Command(BaseCommand):
    help = (
        "Met en file les tâches périodiques dues (publication programmée, nettoyages…). "
        "Sans option : une fois (minuteur systemd) ; avec --forever : chaque minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--forever", action="store_true", help="Recommencer chaque minute, sans fin."
        )

    def handle(self, *args, forever=False, **options):
        while True:
            names = enqueue_due_jobs()
            if options["verbosity"] > 1 and names:
                self.stdout.write(", ".join(names))
            if not forever:
                return
            try:
                time.sleep(INTERVAL_SECONDS)
            except KeyboardInterrupt:  # Ctrl-C in make run: stop quietly
                return
