from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EpisodesConfig(AppConfig):
    """The podcast domain: shows, episodes, audio, transcripts, associations and themes."""

    name = "episodes"
    verbose_name = _("Épisodes")

    def ready(self):
        """After every migrate, the default Site follows PUBLIC_BASE_URL; publishing and snippet
        edits purge the front cache and ping the WebSub hubs (episodes/announce/)."""
        from episodes.announce.signal_handlers import register_signal_handlers
        from episodes.models.site_pages import follow_public_base_url_after_migrate

        register_signal_handlers()
        post_migrate.connect(follow_public_base_url_after_migrate, sender=self)
