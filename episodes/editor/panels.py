"""The show and episode editors' tabs, and the panels of the podcast domain: audio facts with
Apple's warnings, the transcript's text, and the missing transcript."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.models import Page

from episodes.editor.forms import EpisodePageForm
from episodes.editor.scheduling import without_publishing_panel
from episodes.editor.transcript_text import TranscriptComparison


class AudioFactsPanel(Panel):
    """The facts read from an audio file at upload, and Apple's warnings, shown read-only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/admin/audio_facts_panel.html"

        def audio(self):
            return self.instance if self.instance.pk and self.instance.size else None

        def is_shown(self):
            return self.audio() is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["audio"] = self.audio()
            return context


class EpisodeAudioPanel(AudioFactsPanel):
    """The facts of an episode's saved audio file, and Apple's warnings, in the episode editor."""

    class BoundPanel(AudioFactsPanel.BoundPanel):
        template_name = "episodes/admin/episode_audio_panel.html"

        def audio(self):
            audio = self.instance.audio if self.instance.audio_id else None
            return audio if audio and audio.size else None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["show_title"] = True
            return context


class TranscriptPanel(FieldPanel):
    """The transcript's text box; « Comparer » shows the cues changed between two revisions."""

    class BoundPanel(FieldPanel.BoundPanel):
        def get_comparison(self):
            return [TranscriptComparison]


class MissingTranscriptPanel(Panel):
    """A warning, in the episode editor, that a saved episode has no transcript (accessibility);
    a new episode's blank form lacks nothing yet."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/admin/missing_transcript_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and not self.instance.transcript_segments.exists()


def podcast_edit_handler(content_panels):
    """Content, feed channel settings, promotion and settings tabs for a show."""
    feed_panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("show_type"), FieldPanel("explicit")]),
        FieldRowPanel([FieldPanel("itunes_category"), FieldPanel("itunes_subcategory")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_email")]),
                FieldPanel("copyright"),
            ],
            heading=_("Propriétaire"),
        ),
        MultiFieldPanel(
            [FieldPanel("podcast_locked"), FieldPanel("locked_owner_email")],
            heading=_("Verrouillage"),
        ),
        FieldRowPanel([FieldPanel("license"), FieldPanel("license_url")]),
        FieldPanel("new_feed_url"),
    ]
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(feed_panels, heading=_("Flux RSS")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )


def episode_edit_handler(content_panels, details_panels):
    """Content, details, chapters, transcript, promotion and settings tabs for an episode, with
    the episode editor's form (transcript upload, chapter import, consent when publishing)."""
    missing_transcript = MissingTranscriptPanel(heading=_("Transcription manquante"))
    audio_facts = EpisodeAudioPanel(heading=_("Caractéristiques du fichier audio enregistré"))
    return TabbedInterface(
        [
            ObjectList([missing_transcript, *content_panels, audio_facts], heading=_("Contenu")),
            ObjectList(details_panels, heading=_("Détails")),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("import_audio_chapters"), FieldPanel("chapters_file")],
                        heading=_("Importer des chapitres"),
                    ),
                    InlinePanel("chapters", heading=_("Chapitres"), label=_("chapitre")),
                ],
                heading=_("Chapitres"),
            ),
            ObjectList(
                [
                    missing_transcript,
                    TranscriptPanel("transcript_vtt"),
                    FieldPanel("transcript_file"),
                ],
                heading=_("Transcription"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(without_publishing_panel(Page.settings_panels), heading=_("Paramètres")),
        ],
        base_form_class=EpisodePageForm,
    )
