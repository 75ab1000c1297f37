from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The visitor search over episodes, associations and knowledge pages."""

    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from search import signal_handlers
        from search.backends import checks  # noqa: F401  (registers the system check)

        signal_handlers.register()
