"""The report « Recherches sans résultat »: what visitors typed that found nothing or little."""

from types import SimpleNamespace

from django.db.models import Max, Min, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from search.models import SearchGap
from search.page.gaps import FEW_RESULTS, KEPT_DAYS


class QueryColumn(Column):
    """The query, linked to the visitor search page giving its results now."""

    cell_template_name = "search/admin/query_cell.html"


class SearchGapReportView(ReportView):
    """Each query typed in the last KEPT_DAYS days that found at most FEW_RESULTS episodes,
    most typed first, with how many episodes it found the last time."""

    page_title = _("Recherches sans résultat")
    header_icon = "search"
    template_name = "search/admin/search_gaps.html"
    index_url_name = "search_gaps"
    index_results_url_name = "search_gaps_results"
    paginate_by = 50
    permission_policy = ModelPermissionPolicy(SearchGap)
    any_permission_required = ["view"]
    columns = [
        QueryColumn("query", label=_("Recherche")),
        Column("searches", label=_("Fois")),
        Column("results", label=_("Épisodes trouvés la dernière fois")),
        Column("last_day", label=_("Dernière fois")),
    ]
    list_export = ["query", "searches", "results", "last_day"]
    export_headings = {
        "query": _("Recherche"),
        "searches": _("Fois"),
        "results": _("Épisodes trouvés la dernière fois"),
        "last_day": _("Dernière fois"),
    }

    def get_queryset(self):
        return (
            SearchGap.objects.values("query")
            .annotate(searches=Sum("searches"), results=Min("results"), last_day=Max("day"))
            .order_by("-searches", "query")
        )

    def decorate_paginated_queryset(self, object_list):
        return [SimpleNamespace(**row) for row in object_list]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kept_days=KEPT_DAYS,
            few_results=FEW_RESULTS,
            synonyms_url=reverse("wagtailsnippets_search_synonymgroup:list"),
            promotions_url=reverse("wagtailsearchpromotions:index"),
        )
        return context
