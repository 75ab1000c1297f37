"""Tasks tried again after a failure that may pass (storage or network hiccups)."""

import datetime
import functools
import logging

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("operations")


def retried_task(*, attempts=3, delay=datetime.timedelta(minutes=1)):
    """A django-tasks @task that, when it raises, is enqueued again after `delay` (immediately on
    a backend that cannot defer), up to `attempts` runs in all. Each failed run stays recorded
    as failed, with its traceback, for the administrators' list."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                if attempt < attempts:
                    logger.warning(
                        "Task %s failed (attempt %s of %s): tried again in %s.",
                        function.__name__,
                        attempt,
                        attempts,
                        delay,
                    )
                    later(the_task, delay).enqueue(*args, attempt=attempt + 1, **kwargs)
                raise

        the_task = task()(run)
        return the_task

    return decorate


def later(the_task, delay):
    """The task set to run after delay, where the backend can defer it."""
    if the_task.get_backend().supports_defer:
        return the_task.using(run_after=timezone.now() + delay)
    return the_task
