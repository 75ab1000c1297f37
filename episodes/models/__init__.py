"""The podcast domain's models, re-exported from their modules: site_pages (home, knowledge and
plain pages), show, episode, episode_parts (speakers, chapters, transcript, funding), taxonomy
(themes, associations, people, events), audio, imports, workflow (the approval task), fields."""

from .audio import AudioFile
from .episode import EpisodePage, EpisodeType
from .episode_parts import (
    Chapter,
    ConsentScope,
    EpisodeSpeaker,
    FundingLink,
    SpeakerRole,
    TranscriptSegment,
)
from .imports import ImportedFile, ImportJob, ImportLock, ImportStatus
from .show import PodcastPage, ShowType
from .site_pages import HomePage, KnowledgeIndexPage, KnowledgePage, StandardPage
from .taxonomy import Association, AssociationKeyFigure, Event, Person, Theme
from .workflow import AssociationApprovalTask

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
    "ImportLock",
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
