"""Admin panels of the podcast domain."""

from wagtail.admin.panels import Panel


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
        def audio(self):
            audio = self.instance.audio if self.instance.audio_id else None
            return audio if audio and audio.size else None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["show_title"] = True
            return context


class MissingTranscriptPanel(Panel):
    """A warning, in the episode editor, that the episode has no transcript (accessibility)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/admin/missing_transcript_panel.html"

        def is_shown(self):
            return not self.instance.transcript_segments.all()
