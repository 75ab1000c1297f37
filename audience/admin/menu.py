"""The admin's « Audience » menu and its addresses."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from audience.access import VIEW_ALL, may_see_audience
from audience.admin import views
from audience.admin.unknown_agents import UnknownAgentsView


def admin_urls():
    return [
        path("audience/", views.OverviewView.as_view(), name="audience_overview"),
        path("audience/episodes/", views.EpisodesView.as_view(), name="audience_episodes"),
        path(
            "audience/groupes/<slug:kind>/",
            views.GroupsView.as_view(),
            name="audience_groups",
        ),
        path(
            "audience/repartition/<slug:kind>/",
            views.BreakdownView.as_view(),
            name="audience_breakdown",
        ),
        path(
            "audience/agents-inconnus/",
            UnknownAgentsView.as_view(),
            name="audience_unknown_agents",
        ),
    ]


class AudienceMenuItem(MenuItem):
    """An item shown to whoever may see figures (the team, or a partner association)."""

    def is_shown(self, request):
        return may_see_audience(request.user)


class TeamMenuItem(MenuItem):
    """An item for the radio's team only (not partner associations)."""

    def is_shown(self, request):
        return request.user.has_perm(VIEW_ALL)


def menu_item():
    items = [
        AudienceMenuItem(_("Vue d'ensemble"), reverse("audience_overview"), icon_name="view"),
        AudienceMenuItem(
            _("Épisodes (rythme de lancement)"), reverse("audience_episodes"), icon_name="media"
        ),
        AudienceMenuItem(
            _("Émissions, thèmes, associations"),
            reverse("audience_groups", args=["show"]),
            icon_name="folder-open-inverse",
        ),
        AudienceMenuItem(
            _("Applications, appareils, pays, heures"),
            reverse("audience_breakdown", args=["app"]),
            icon_name="list-ul",
        ),
        TeamMenuItem(_("Agents inconnus"), reverse("audience_unknown_agents"), icon_name="help"),
    ]
    return SubmenuMenuItem(
        _("Audience"), Menu(items=items), icon_name="view", name="audience", order=250
    )
