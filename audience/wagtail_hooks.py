"""Wagtail discovers this module: the « Audience » menu and reports, the admin home's panel, and
the partners' links to their associations (a snippet for administrators)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from audience.admin import menu
from audience.admin.panel import AudiencePanel
from audience.admin.partners import PartnerViewSet


@hooks.register("register_admin_urls")
def register_audience_urls():
    return menu.admin_urls()


@hooks.register("register_admin_menu_item")
def register_audience_menu():
    return menu.menu_item()


@hooks.register("construct_homepage_panels")
def add_audience_panel(request, panels):
    if AudiencePanel.is_shown_to(request.user):
        panels.append(AudiencePanel(request.user))


register_snippet(PartnerViewSet)
