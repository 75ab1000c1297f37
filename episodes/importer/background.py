"""Imports started from the admin, run in the background: an ImportJob row that the import keeps
up to date.

The view starts the import in a background thread and returns at once; the job page reads the
row. A thread dies with its web worker: production would hand run_job() to a task queue (Celery,
RQ, django-tasks) instead. With PODCAST_IMPORT_IN_BACKGROUND off, the import runs in the request.
"""

import logging
import threading

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from episodes.importer.run import ImportFailed, Reporter, run_import
from episodes.models import ImportJob, ImportStatus

logger = logging.getLogger("episodes.importer")


class JobReporter(Reporter):
    """Writes the import's progress and messages into its ImportJob."""

    def __init__(self, job):
        self.job = job

    def started(self, show, total):
        self.job.show, self.job.total = show, total
        self.job.save(update_fields=["show", "total"])

    def episode_done(self, title, result):
        self.job.done += 1
        setattr(self.job, result, getattr(self.job, result) + 1)
        self.job.save(update_fields=["done", result])

    def message(self, level, text):
        self.job.messages.append({"level": level, "text": str(text)})
        self.job.save(update_fields=["messages"])


def run_job(job_id):
    """Run an import job to its end, whatever happens: it ends done or failed, with why."""
    job = ImportJob.objects.get(pk=job_id)
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status"])
    reporter = JobReporter(job)
    try:
        run_import(
            job.source_label,
            reporter,
            feed_bytes=job.uploaded_feed,
            owner_email=job.owner_email,
            user=job.user,
            publish=job.publish,
        )
        job.status = ImportStatus.DONE
    except ImportFailed as problem:
        reporter.message("error", str(problem))
        job.status = ImportStatus.FAILED
    except Exception:
        logger.exception("Import job %s failed.", job_id)
        reporter.message("error", _("L'import s'est arrêté sur une erreur inattendue."))
        job.status = ImportStatus.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])


def run_job_in_thread(job_id):
    try:
        run_job(job_id)
    finally:
        connections.close_all()  # this thread's own connections


def start_job(job):
    """Start an import job: in a background thread, or at once when so configured."""
    if not settings.PODCAST_IMPORT_IN_BACKGROUND:
        run_job(job.pk)
        return None
    thread = threading.Thread(
        target=run_job_in_thread, args=(job.pk,), name=f"podcast-import-{job.pk}", daemon=True
    )
    thread.start()
    return thread
