"""What importing a show and importing an episode share: outcomes, texts, and linked files.

Files are downloaded again only when the feed gives another address than last time: ImportedFile
keeps, per page, the address each file came from.
"""

from dataclasses import dataclass, field

import nh3
from django.db import transaction
from wagtail.actions.base import BaseAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.permissions import policy_registry

from episodes.feeds.notes import cut_to_bytes, text_html
from episodes.formats.chapters import ChapterError
from episodes.formats.transcripts import TranscriptError
from episodes.importer.fetch import FetchError
from episodes.importer.known import known_source, remember_known
from episodes.importer.media import (
    MediaRefused,
    imported_artwork,
    imported_audio,
    imported_chapters,
    imported_transcript,
)
from episodes.models import ImportedFile
from episodes.standards.apple import MAX_DESCRIPTION_BYTES

# The episode editor's rich text (bold, italic, links, lists) in paragraphs.
NOTES_CLEANER = nh3.Cleaner(
    tags={"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"},
    attributes={"a": {"href"}},
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)
FILE_PROBLEMS = (FetchError, MediaRefused, TranscriptError, ChapterError)
FILE_READERS = {
    "artwork": imported_artwork,
    "audio": imported_audio,
    "chapters": imported_chapters,
}


class ItemRefused(Exception):
    """A show or an item that cannot be imported; str(error) is the French reason."""


@dataclass
class Outcome:
    """What became of a show or an episode ("added", "updated", "unchanged"), with warnings."""

    result: str = "unchanged"
    warnings: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)

    def changed(self):
        if self.result == "unchanged":
            self.result = "updated"


def changed_fields(page, fields):
    """The fields whose value differs from the page's (all of them for a new page)."""
    if page is None:
        return fields
    return {name: value for name, value in fields.items() if getattr(page, name) != value}


def save_page(parent, page, new_page, fields, outcome, *, user=None, action="publish"):
    """Create the page under parent (new_page) or set the changed fields, remember where its
    files came from; then, if it changed, publish it ("publish"), submit it to its approval
    workflow as an editor's page would be ("submit"), or leave it a draft ("draft"). The page."""
    if page is not None and not (fields or outcome.sources) and outcome.result == "unchanged":
        return page  # nothing to write (an unchanged item of a re-import)
    with transaction.atomic():
        created = page is None
        if created:
            page = parent.add_child(instance=new_page)  # validated (full_clean) as it is added
        elif fields:
            outcome.changed()
            for name, value in fields.items():
                setattr(page, name, value)
        if outcome.result != "unchanged":
            # A new page's history says « created » (add_child) then « published », as the
            # editor's; an updated page's says « edited ».
            revision = page.save_revision(user=user, log_action=not created, clean=not created)
            if action == "publish":
                PublishSavedRevision(revision, page, user=user).execute()
            elif action == "submit":
                submit_for_approval(page, user)
        remember_sources(page, outcome.sources, created=created)
    return page


class PublishSavedRevision(PublishPageRevisionAction):
    """Wagtail's publishing of a revision just saved from the page in hand: that page is
    published, not a copy read back from the revision's JSON (Wagtail's as_object(), which
    queries the database again for the page and each of its links and parts)."""

    def __init__(self, revision, page, user=None):
        self.revision, self.object = revision, page
        BaseAction.__init__(self, page, user=user)  # the parents' __init__ calls as_object()
        self.permission_policy = policy_registry.get(page)
        self.changed, self.log_action, self.previous_revision = True, True, None


def submit_for_approval(page, user):
    """Put the page's latest revision before its moderators (the workflow written pages go
    through), unless it already awaits them; False if the page has no workflow."""
    workflow = page.get_workflow()
    if workflow is None:
        return False
    if not page.workflow_in_progress:
        workflow.start(page, user)
    return True


def notes_rich_text(notes_html):
    """Show notes as the editor's rich text: sanitised by nh3; plain text made paragraphs."""
    if "<" not in notes_html:
        return text_html(notes_html)
    return NOTES_CLEANER.clean(notes_html).strip()


def fitting(text, fallback):
    """Plain text cut to Apple's 4000 bytes, or the fallback when empty."""
    return cut_to_bytes(text or fallback, MAX_DESCRIPTION_BYTES).strip()


def source_of(page, kind):
    """Where the page's file of this kind was imported from ("" if not imported)."""
    if page is None or page.pk is None:
        return ""
    known, url = known_source(page, kind)
    if known:
        return url
    record = ImportedFile.objects.filter(page=page, kind=kind).first()
    return record.url if record else ""


def remember_sources(page, sources, *, created=False):
    """Record where the page's imported files came from (a page just created has no record)."""
    if created:
        ImportedFile.objects.bulk_create(
            ImportedFile(page=page, kind=kind, url=url) for kind, url in sources.items()
        )
        for kind, url in sources.items():
            remember_known(page, kind, url)
        return
    for kind, url in sources.items():
        if source_of(page, kind) != url:
            ImportedFile.objects.update_or_create(page=page, kind=kind, defaults={"url": url})
            remember_known(page, kind, url)


def new_file(page, kind, url, title, outcome):
    """The object made from the file at url if the page does not have it yet, else None.

    A file that cannot be had is returned as its problem (FetchError, MediaRefused…), for the
    caller to decide whether the show or episode can do without it.
    """
    if not url or source_of(page, kind) == url:
        return None
    try:
        result = FILE_READERS[kind](url, title)
    except FILE_PROBLEMS as problem:
        return problem
    outcome.sources[kind] = url
    return result


def new_transcript(page, links, outcome):
    """The TranscriptSegments of the item's best transcript if new to the page, else None."""
    try:
        url, segments = imported_transcript(links, known_url=source_of(page, "transcript"))
    except FILE_PROBLEMS as problem:
        return problem
    if url is None:
        return None
    outcome.sources["transcript"] = url
    return segments
