"""« Partenaires »: which associations a member of « Association partenaire » sees figures of."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from audience.models import PartnerMembership


class PartnerViewSet(SnippetViewSet):
    model = PartnerMembership
    menu_label = _("Partenaires (audience)")
    icon = "group"
    add_to_admin_menu = False
    list_display = ["user", "association_names"]
    panels = [
        FieldPanel("user", heading=_("Membre du groupe « Association partenaire »")),
        FieldPanel("associations", heading=_("Associations dont il voit l'audience")),
    ]
