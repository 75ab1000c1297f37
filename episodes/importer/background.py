"""Imports started from the admin, run in the background: an ImportJob row that the import keeps
up to date.

The view enqueues the import as a task and returns at once; the task worker runs it (tests run
it at once); the job page reads the row.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from episodes.importer.run import ImportFailed, Reporter, run_import
from episodes.importer.show import ShowChoice
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
            choice=ShowChoice(job.show, job.owner_email, job.podcast_locked),
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


@task()
def import_podcast(job_id):
    """The import of an admin's ImportJob, on the task worker. Not tried again by itself: the
    job page says why it failed, and the editor starts it again once the feed is fixed."""
    run_job(job_id)


def start_job(job):
    """Hand an import job to the task worker."""
    return import_podcast.enqueue(job.pk)
