from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EpisodesConfig(AppConfig):
    """The podcast domain: shows, episodes, audio, transcripts, associations and themes."""

    name = "episodes"
    verbose_name = _("Épisodes")
