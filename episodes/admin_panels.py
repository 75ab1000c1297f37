"""Admin panels of the podcast domain."""

from wagtail.admin.panels import Panel


class AudioFactsPanel(Panel):
    """The facts read from an audio file at upload, shown read-only to editors."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "episodes/admin/audio_facts_panel.html"

        def is_shown(self):
            return bool(self.instance.pk and self.instance.size)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["audio"] = self.instance
            return context
