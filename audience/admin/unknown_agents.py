"""« Agents inconnus »: the user agents OPAWG's list does not know, with how many requests they
made and the last day they were seen, so that the radio's team can report them to OPAWG. No
personal data: only the agent's text (software, not people) and counts of final days."""

from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from audience.access import VIEW_ALL
from audience.models import UnknownAgent

OPAWG_ISSUES = "https://github.com/opawg/user-agents-v2/issues"


class UnknownAgentsView(ReportView):
    """The unknown user agents counted, most requests first (CSV and XLSX export)."""

    page_title = _("Audience : agents inconnus")
    header_icon = "help"
    index_url_name = "audience_unknown_agents"
    results_template_name = "audience/admin/unknown_agents_results.html"
    paginate_by = 100
    list_export = ["user_agent", "hits", "last_day"]
    export_headings = {
        "user_agent": _("Agent utilisateur (User-Agent)"),
        "hits": _("Requêtes"),
        "last_day": _("Vu pour la dernière fois (jour UTC)"),
    }
    columns = [
        Column("user_agent", label=_("Agent utilisateur (User-Agent)")),
        Column("hits", label=_("Requêtes")),
        Column(
            "last_day",
            label=_("Vu pour la dernière fois"),
            accessor=lambda agent: date_format(agent.last_day, "j F Y"),
        ),
    ]

    def dispatch(self, request, *args, **kwargs):
        # The radio's team only: a partner association sees its episodes' figures, not these.
        if not request.user.is_active or not request.user.has_perm(VIEW_ALL):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return UnknownAgent.objects.order_by("-hits", "user_agent")

    def get_filename(self):
        return "audience-agents-inconnus"

    @property
    def no_results_message(self):
        return _("Aucun agent inconnu : toutes les requêtes comptées viennent de logiciels connus.")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "opawg_issues": OPAWG_ISSUES}
