"""Enqueue the periodic jobs that are due (operations/jobs.py), once or every minute."""

import logging
import time

from django.core.management import BaseCommand
from django.db import DatabaseError, close_old_connections

from operations.jobs import enqueue_due_jobs

INTERVAL_SECONDS = 60
logger = logging.getLogger("operations")


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
            try:
                names = enqueue_due_jobs()
            except DatabaseError:
                if not forever:
                    raise
                # The database is out: try again next minute rather than stop the scheduler.
                logger.exception("The periodic jobs could not be enqueued.")
                close_old_connections()
                names = []
            if options["verbosity"] > 1 and names:
                self.stdout.write(", ".join(names))
            if not forever:
                return
            try:
                time.sleep(INTERVAL_SECONDS)
            except KeyboardInterrupt:  # Ctrl-C in make run: stop quietly
                return
