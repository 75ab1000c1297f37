"""The tabs of the show and episode editors."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page

from episodes.admin_panels import EpisodeAudioPanel, MissingTranscriptPanel


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
    """Content, details, chapters, transcript, promotion and settings tabs for an episode."""
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
                    FieldPanel("transcript_file"),
                    InlinePanel(
                        "transcript_segments", heading=_("Transcription"), label=_("passage")
                    ),
                ],
                heading=_("Transcription"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Paramètres")),
        ]
    )
