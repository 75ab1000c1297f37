"""The « Synonymes » snippet, in the admin's « Recherche » menu with the report."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    """Editors' synonym groups, applied to every search as soon as saved."""

    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synonymes")
    add_to_admin_menu = False
    list_display = ["__str__", "updated_at"]
    search_fields = ["terms"]
    panels = [FieldPanel("terms")]
