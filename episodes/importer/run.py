"""An import from start to end: read the feed, refuse a locked one, write the show, then each
episode in turn, telling a reporter (progress bar, admin job) how it goes."""

import logging
import time

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permission_policies.pages import PagePermissionPolicy

from episodes.importer.apply import ItemRefused, submit_for_approval
from episodes.importer.episode import apply_episode
from episodes.importer.fetch import FetchError, read_feed
from episodes.importer.guids import distinct_guids
from episodes.importer.indexing import indexed_together
from episodes.importer.known import known_pages
from episodes.importer.lock import ImportRunning, feed_key, feed_lock
from episodes.importer.parse import InvalidFeed, parse_feed
from episodes.importer.prefetch import prefetching
from episodes.importer.show import ShowChoice, apply_show
from episodes.models.site_pages import ensure_home_page
from search.signal_handlers import words_added_together

logger = logging.getLogger("episodes.importer")
BATCH = 20  # episodes written per transaction: fewer commits, progress seen every 20
BEAT_SECONDS = 5  # the lock's heartbeat: far below its staleness (lock.stale_after)
EPISODES_DONE = {
    "publish": gettext_lazy("Les épisodes ajoutés ou mis à jour sont publiés."),
    "submit": gettext_lazy(
        "Les épisodes ajoutés ou mis à jour sont enregistrés comme brouillons et soumis à la "
        "validation : ils seront en ligne une fois approuvés."
    ),
}


class ImportFailed(Exception):
    """An import that could not start or had to stop; str(error) is the French message."""


class Reporter:
    """Hears how an import goes; the command and the admin job each show it their way."""

    def started(self, show, total):
        """The show is written; total episodes will follow."""

    def episode_done(self, title, result):
        """One item is through: result is "added", "updated", "unchanged" or "failed"."""

    def message(self, level, text):
        """A message for the editor: level is "error", "warning" or "info"."""


def run_import(source, reporter, *, feed_bytes=None, choice=None, user=None, publish=False):
    """Import the podcast whose feed is at source (an address or a file path) into the site.

    feed_bytes, when given, is the feed already read (a file uploaded in the admin); source then
    only names it; choice (a ShowChoice) says where to import, our feed's owner and its lock.
    Episodes are submitted to the approval workflow, as written ones are, unless
    publish is asked by a user who may publish (user None: the command line's operator).
    Returns the show and the counts of episodes by result. Raises ImportFailed, with nothing
    imported, when the feed cannot be read or used or another import of it is running.
    """
    try:
        feed = parse_feed(read_feed(source) if feed_bytes is None else feed_bytes)
    except (FetchError, InvalidFeed) as problem:
        raise ImportFailed(str(problem)) from None
    if feed.show.locked:
        raise ImportFailed(locked_message(feed.show))
    action = "publish" if publish and may_publish(user) else "submit"
    key = feed_key(feed.show, source, uploaded=feed_bytes is not None)
    try:
        with feed_lock(key, source) as beat:
            return import_feed(feed, source, reporter, choice or ShowChoice(), user, action, beat)
    except ImportRunning as problem:
        raise ImportFailed(str(problem)) from None


def import_feed(feed, source, reporter, choice, user, action, beat):
    """run_import's work once the feed is read and its lock held."""
    home = ensure_home_page()
    try:
        show, outcome = apply_show(feed.show, source, home, choice, user=user, action=action)
    except ItemRefused as problem:
        raise ImportFailed(str(problem)) from None
    episodes, renamed = distinct_guids(show.podcast_guid, feed.episodes)
    for warning in outcome.warnings + renamed:
        reporter.message("warning", warning)
    reporter.started(show, len(episodes))
    counts = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0}
    beat = throttled(beat)
    with known_pages(show) as known, prefetching(known.new_audio(episodes)) as prefetch:
        for start in range(0, len(episodes), BATCH):  # oldest first, as they were published
            batch = episodes[start : start + BATCH]
            prefetch.ready(known.new_audio(batch))  # no lock held while the audio downloads
            # one commit per batch of items, their words and indexes updated once at its end
            with transaction.atomic(), words_added_together(), indexed_together():
                for data in batch:
                    result = import_episode(show, data, reporter, user, action)
                    counts[result] += 1
                    reporter.episode_done(data.title, result)
            beat()
    finish_show(show, counts, reporter, user, action)
    return show, counts


def throttled(beat, seconds=BEAT_SECONDS):
    """beat(), called at most once in the given seconds."""
    last = [0.0]

    def maybe_beat():
        if time.monotonic() - last[0] >= seconds:
            last[0] = time.monotonic()
            beat()

    return maybe_beat


def may_publish(user):
    """Whether the importing user may publish pages (the command line's operator may)."""
    return user is None or PagePermissionPolicy().user_has_permission(user, "publish")


def finish_show(show, counts, reporter, user, action):
    """Publish or submit a show not yet live once it has an episode; say what was done."""
    if counts["added"] or counts["updated"]:
        reporter.message("info", str(EPISODES_DONE[action]))
    if show.live:
        return
    if not (counts["added"] or counts["updated"] or counts["unchanged"]):
        reporter.message(
            "warning", _("Le podcast n'est pas publié : aucun épisode n'a pu être importé.")
        )
    elif action == "publish":
        show.get_latest_revision().publish(user=user)
        reporter.message("info", _("Le podcast est publié."))
    else:
        submit_for_approval(show, user)
        reporter.message("info", _("Le podcast est soumis à la validation, comme ses épisodes."))


def import_episode(show, data, reporter, user, action):
    """The result of importing one item; its problems go to the reporter."""
    label = data.title or data.guid or data.audio_url
    try:
        # its savepoint: a failed item leaves the batch usable, its words and indexes untouched
        with transaction.atomic(), words_added_together(), indexed_together():
            outcome = apply_episode(show, data, user=user, action=action)
    except IntegrityError:  # the same item written meanwhile by an import not holding our lock
        problem = _("il vient d'être importé par un autre import de ce podcast.")
        reporter.message(
            "error",
            _("« %(title)s » non importé — %(reason)s") % {"title": label, "reason": problem},
        )
        return "failed"
    except ItemRefused as problem:
        reporter.message(
            "error",
            _("« %(title)s » non importé — %(reason)s")
            % {
                "title": label,
                "reason": problem,
            },
        )
        return "failed"
    except Exception:
        logger.exception("Importing the item %r failed.", data.guid)
        reporter.message(
            "error",
            _("« %(title)s » non importé — erreur inattendue.")
            % {
                "title": label,
            },
        )
        return "failed"
    for warning in outcome.warnings:
        reporter.message("warning", f"« {label} » — {warning}")
    return outcome.result


def locked_message(show):
    """Why a locked feed is refused, naming whom to ask."""
    if show.lock_owner:
        return _(
            "Ce podcast est verrouillé (podcast:locked) : son propriétaire (%(owner)s) interdit "
            "qu'une autre plateforme l'importe. Rien n'a été importé. S'il s'agit de votre "
            "podcast, déverrouillez-le chez votre hébergeur actuel, puis relancez l'import."
        ) % {"owner": show.lock_owner}
    return _(
        "Ce podcast est verrouillé (podcast:locked) : son propriétaire interdit qu'une autre "
        "plateforme l'importe. Rien n'a été importé. S'il s'agit de votre podcast, "
        "déverrouillez-le chez votre hébergeur actuel, puis relancez l'import."
    )
