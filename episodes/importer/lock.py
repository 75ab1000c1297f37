"""One import per feed at a time, whoever starts it (admin, command line) and in any process:
an ImportLock row per feed, unique, created when an import starts and deleted when it ends.

A second import of the same feed is refused at once, in French, before writing anything. An
import beats (heartbeat_at) after each episode; a lock that has not beaten for longer than one
episode may take (a process killed mid-import) is taken over.
"""

import hashlib
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from episodes.models import ImportLock


class ImportRunning(Exception):
    """Another import of the same feed is running; str(error) is the French message."""


def feed_key(show_data, source, *, uploaded):
    """What identifies a feed: its podcast:guid, else its address, else its title."""
    if show_data.podcast_guid:
        return f"guid:{show_data.podcast_guid}"
    if not uploaded and source.startswith(("http://", "https://")):
        return f"url:{source}"
    return f"title:{show_data.title}"


def stale_after():
    """How long a running import may go without beating: the longest one episode can take."""
    return timedelta(seconds=settings.IMPORT_MEDIA_DEADLINE + 4 * settings.IMPORT_FEED_DEADLINE)


@contextmanager
def feed_lock(key, label):
    """Hold the feed's lock for the with block (yields a beat() function); ImportRunning if
    another import holds it."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    ImportLock.objects.filter(feed=digest, heartbeat_at__lt=timezone.now() - stale_after()).delete()
    try:
        with transaction.atomic():
            lock = ImportLock.objects.create(feed=digest, label=label[:2000])
    except IntegrityError:
        raise ImportRunning(running_message(digest)) from None
    try:
        yield lambda: ImportLock.objects.filter(pk=lock.pk).update(heartbeat_at=timezone.now())
    finally:
        ImportLock.objects.filter(pk=lock.pk).delete()


def running_message(digest):
    held = ImportLock.objects.filter(feed=digest).first()
    since = date_format(timezone.localtime(held.started_at), "j F Y à H:i") if held else "?"
    return _(
        "Un import de ce podcast est déjà en cours (commencé le %(since)s) : celui-ci n'a rien "
        "fait. Relancez-le quand l'autre sera terminé."
    ) % {"since": since}
