"""The podcast domain's models, re-exported from their modules."""

from .approval import AssociationApprovalTask
from .audio import AudioFile
from .content_pages import KnowledgeIndexPage, KnowledgePage, StandardPage
from .episode_parts import (
    Chapter,
    ConsentScope,
    EpisodeSpeaker,
    FundingLink,
    SpeakerRole,
    TranscriptSegment,
)
from .imports import ImportedFile, ImportJob, ImportStatus
from .pages import EpisodePage, EpisodeType, HomePage, PodcastPage, ShowType
from .snippets import Association, AssociationKeyFigure, Event, Person, Theme

__all__ = [
    "AssociationApprovalTask",
    "AudioFile",
    "Association",
    "AssociationKeyFigure",
    "Chapter",
    "ConsentScope",
    "EpisodePage",
    "EpisodeSpeaker",
    "EpisodeType",
    "Event",
    "FundingLink",
    "HomePage",
    "ImportJob",
    "ImportStatus",
    "ImportedFile",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "Person",
    "PodcastPage",
    "ShowType",
    "SpeakerRole",
    "StandardPage",
    "Theme",
    "TranscriptSegment",
]
