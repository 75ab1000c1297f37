"""A system check: on PostgreSQL, Wagtail's index must be French and ignore accents."""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import connection

FRENCH_SEARCH_CONFIG = "french_unaccent"


@register()
def check_french_search_config(app_configs, **kwargs):
    """Warn when PostgreSQL would index in another language than French, or keep the accents."""
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    uses_database = backend.get("BACKEND") == "wagtail.search.backends.database"
    if connection.vendor != "postgresql" or not uses_database:
        return []
    if backend.get("SEARCH_CONFIG") == FRENCH_SEARCH_CONFIG:
        return []
    return [
        Warning(
            "PostgreSQL search without the French configuration: accents and plurals will matter.",
            hint=(
                'Set WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = '
                f'"{FRENCH_SEARCH_CONFIG}" (made by the search app\'s migration 0001), '
                "then run manage.py update_index."
            ),
            id="search.W001",
        )
    ]
