from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EpisodesConfig(AppConfig):
    """The podcast domain: shows, episodes, audio, transcripts, associations and themes."""

    name = "episodes"
    verbose_name = _("Épisodes")

    def ready(self):
        """After every migrate, the default Site follows PUBLIC_BASE_URL; publishing makes feed
        artwork on the worker, purges the front cache and pings the WebSub hubs."""
        from episodes.models.site_pages import follow_public_base_url_after_migrate
        from episodes.signal_handlers import register_signal_handlers

        post_migrate.connect(follow_public_base_url_after_migrate, sender=self)
        register_signal_handlers()
