"""What an import already knows of its show, read in a few queries at its start instead of a
few per item: the show's imported episodes by their former GUID, as editors last saved them, and
where each one's files came from. Set for the duration of an import (known_pages()); item code
asks imported_episode() and source_of(), which fall back to one query when none is set."""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from wagtail.models import Revision

from episodes.models import EpisodePage, ImportedFile

CURRENT = ContextVar("importer_known_pages", default=None)


@dataclass
class KnownPages:
    """A show's imported episodes by source GUID, and {(page id, kind): address}."""

    show_id: int
    episodes: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    page_ids: set = field(default_factory=set)

    def new_audio(self, episodes):
        """The audio addresses of these items that their episodes do not have yet."""
        urls = []
        for data in episodes:
            page = self.episodes.get(data.guid)
            had = self.sources.get((page.pk, "audio"), "") if page is not None else ""
            if data.audio_url and data.audio_url != had:
                urls.append(data.audio_url)
        return urls


def read_known(show):
    """The show's imported episodes (their latest revisions when they have unpublished
    changes), their speakers and their files' addresses, in four queries."""
    pages = list(
        EpisodePage.objects.filter(source_show=show)
        .exclude(source_guid="")
        .prefetch_related("speakers")  # whose consent each item checks
    )
    drafts = [page.latest_revision_id for page in pages if page.has_unpublished_changes]
    revisions = Revision.objects.in_bulk([pk for pk in drafts if pk])
    known = KnownPages(show.pk, page_ids={show.pk, *(page.pk for page in pages)})
    for page in pages:
        revision = revisions.get(page.latest_revision_id) if page.has_unpublished_changes else None
        known.episodes[page.source_guid] = (
            page.with_content_json(revision.content) if revision else page
        )
    rows = ImportedFile.objects.filter(page__in=known.page_ids)
    known.sources = {(row.page_id, row.kind): row.url for row in rows}
    return known


@contextmanager
def known_pages(show):
    """Let the import's item code read the show's pages from memory for the with block."""
    token = CURRENT.set(read_known(show))
    try:
        yield CURRENT.get()
    finally:
        CURRENT.reset(token)


def imported_episode(show, guid):
    """The show's episode imported from the item of that GUID, as last saved, or None."""
    known = CURRENT.get()
    if known is not None and known.show_id == show.pk:
        return known.episodes.get(guid)
    episode = EpisodePage.objects.filter(source_show=show, source_guid=guid).first()
    return episode.get_latest_revision_as_object() if episode is not None else None


def known_source(page, kind):
    """(True, address or "") when the import knows the page's files, else (False, "")."""
    known = CURRENT.get()
    if known is None or page.pk not in known.page_ids:
        return False, ""
    return True, known.sources.get((page.pk, kind), "")


def remember_known(page, kind, url):
    """Keep the import's memory in step with a file address just recorded."""
    known = CURRENT.get()
    if known is not None:
        known.page_ids.add(page.pk)
        known.sources[(page.pk, kind)] = url
