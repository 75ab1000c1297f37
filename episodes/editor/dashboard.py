"""The admin home's « Épisodes à compléter » panel: what keeps each episode from listeners."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

from episodes.models import EpisodePage, EpisodeSpeaker, TranscriptSegment

MAX_EPISODES = 50
OPEN_WORKFLOW = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


@dataclass
class EpisodeTodo:
    """One episode in the panel: its title, its editor link, what it lacks, what optional parts
    it could have (suggestions, not faults), when it goes out."""

    title: str
    edit_url: str
    missing: list
    suggestions: list
    scheduled_at: object


def page_object_id():
    """The episode's id as revisions and workflow states store it (text)."""
    return Cast(OuterRef("pk"), output_field=CharField())


def annotated_episodes():
    """Every episode with its gaps and its scheduled time, in one query."""
    page_type = ContentType.objects.get_for_model(Page)
    of_this_page = {"base_content_type": page_type, "object_id": page_object_id()}
    scheduled_revision = Revision.objects.filter(
        **of_this_page, approved_go_live_at__isnull=False
    ).order_by("-approved_go_live_at")
    return EpisodePage.objects.annotate(
        has_transcript=Exists(TranscriptSegment.objects.filter(episode=OuterRef("pk"))),
        lacks_consent=Exists(
            EpisodeSpeaker.objects.filter(episode=OuterRef("pk"), consent_given=False)
        ),
        awaits_approval=Exists(
            WorkflowState.objects.filter(**of_this_page, status__in=OPEN_WORKFLOW)
        ),
        scheduled_go_live=Subquery(scheduled_revision.values("approved_go_live_at")[:1]),
    )


def episodes_to_complete(now=None):
    """Episodes lacking a transcript, consent or approval, and scheduled ones; an episode's own
    artwork is optional (the show's is used), suggested on these rows but listing none."""
    now = now or timezone.now()
    episodes = annotated_episodes().filter(
        Q(has_transcript=False)
        | Q(lacks_consent=True)
        | Q(awaits_approval=True)
        | Q(scheduled_go_live__isnull=False)
        | Q(live=True, publication_date__gt=now)
    )
    rows = episodes.order_by("-latest_revision_created_at", "-pk").values(
        "pk",
        "title",
        "artwork_id",
        "live",
        "publication_date",
        "has_transcript",
        "lacks_consent",
        "awaits_approval",
        "scheduled_go_live",
    )
    return [episode_todo(row, now) for row in rows[:MAX_EPISODES]]


def episode_todo(row, now):
    """What the panel says about one episode row."""
    missing = []
    if not row["has_transcript"]:
        missing.append(_("transcription"))
    if row["lacks_consent"]:
        missing.append(_("consentement"))
    if row["awaits_approval"]:
        missing.append(_("validation"))
    scheduled_at = row["scheduled_go_live"]
    if scheduled_at is None and row["live"] and row["publication_date"] > now:
        scheduled_at = row["publication_date"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[row["pk"]])
    suggestions = [_("pochette de l'épisode")] if row["artwork_id"] is None else []
    return EpisodeTodo(row["title"], edit_url, missing, suggestions, scheduled_at)


class EpisodesToCompletePanel(Component):
    """The panel itself, shown first on the admin home."""

    name = "episodes_to_complete"
    template_name = "episodes/admin/episodes_to_complete_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["episodes"] = episodes_to_complete()
        return context
