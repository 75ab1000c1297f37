"""Wagtail discovers this module: the admin's « Recherche » menu, with the synonyms and the
report of searches that found little (search/editor/)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from search.editor.report import SearchGapReportView
from search.editor.viewsets import SynonymGroupViewSet


class PermittedMenuItem(MenuItem):
    """A menu item shown to those having one permission."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


synonyms = SynonymGroupViewSet()
register_snippet(synonyms)


@hooks.register("register_admin_urls")
def register_report_urls():
    view = SearchGapReportView.as_view
    return [
        path("recherche/sans-resultat/", view(), name="search_gaps"),
        path(
            "recherche/sans-resultat/results/", view(results_only=True), name="search_gaps_results"
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_search_menu():
    items = [
        MenuItem(
            _("Synonymes"), reverse(synonyms.get_url_name("list")), icon_name="list-ul", order=1
        ),
        MenuItem(
            _("Recherches sans résultat"), reverse("search_gaps"), icon_name="search", order=2
        ),
        MenuItem(
            _("Résultats mis en avant"),
            reverse("wagtailsearchpromotions:index"),
            icon_name="pick",
            order=3,
        ),
    ]
    return SubmenuMenuItem(_("Recherche"), Menu(items=items), icon_name="search", order=210)


@hooks.register("construct_reports_menu")
def hide_unfed_search_terms_report(request, menu_items):
    """Wagtail's « Search terms » report counts hits the search does not record: the
    « Recherches sans résultat » report replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
