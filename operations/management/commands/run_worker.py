"""The task worker: django-tasks-db's db_worker, kept running through a database outage (it
waits and tries again instead of exiting), so that make run and make serve-prod stay up and
systemd does not have to restart it in a loop."""

import logging
import time

from django.db import DatabaseError, connections
from django_tasks_db.management.commands import db_worker

PAUSE_SECONDS = 5
logger = logging.getLogger("operations")


class Command(db_worker.Command):
    help = (
        "Exécute les tâches en arrière-plan (imports, index, pochettes, tâches périodiques) ; "
        "attend le retour de la base de données si elle s'arrête."
    )

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except DatabaseError:
                logger.exception("The task worker lost its database: trying again shortly.")
                connections.close_all()
                time.sleep(PAUSE_SECONDS)
