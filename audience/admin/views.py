"""The « Audience » reports of the admin: Wagtail report views (tables with CSV and XLSX export),
a period form, an SVG chart above each table. Figures are limited to what the reader may see."""

from types import SimpleNamespace

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from audience import charts, figures, groups
from audience.access import audience_scope, partner_associations
from audience.admin import labels
from audience.admin.period import PeriodForm

EPISODE_HEADINGS = {
    "guid": "GUID",
    "title": _("Épisode"),
    "downloads": _("Téléchargements sur la période"),
    "first_day": _("1er jour"),
    "first_week": _("7 premiers jours"),
    "first_month": _("30 premiers jours"),
    "all_time": _("Depuis la publication"),
    "listeners": _("Auditeurs uniques (par mois)"),
}


class AudienceReportView(ReportView):
    """What every audience report shares: who may see it, the period, the chart."""

    header_icon = "view"
    results_template_name = "audience/admin/report_results.html"
    template_name = "audience/admin/report.html"
    paginate_by = 100
    chart_title = ""

    def dispatch(self, request, *args, **kwargs):
        self.scope = audience_scope(request.user)
        if self.scope is False:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period_form(self):
        return PeriodForm(self.request.GET or None)

    @cached_property
    def period(self):
        return self.period_form.period()

    def get_index_url(self):
        kind = self.kwargs.get("kind")
        return reverse(self.index_url_name, args=[kind] if kind else [])

    def get_filename(self):
        return f"audience-{self.export_name}-{self.period.since}-{self.period.until}"

    @property
    def no_results_message(self):
        return _("Aucun téléchargement compté sur cette période.")

    def chart(self, rows):
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            period_form=self.period_form,
            period=self.period,
            chart=self.chart(self.object_list),
            partner=self.scope is not None,
        )
        return context


class OverviewView(AudienceReportView):
    """Downloads per day, the period's totals and listeners."""

    page_title = _("Audience : vue d'ensemble")
    index_url_name = "audience_overview"
    results_template_name = "audience/admin/overview_results.html"
    export_name = "jours"
    paginate_by = None
    list_export = ["day", "downloads", "listeners"]
    export_headings = {
        "day": _("Jour (UTC)"),
        "downloads": _("Téléchargements"),
        "listeners": _("Auditeurs uniques"),
    }
    columns = [
        Column("day_label", label=_("Jour (UTC)")),
        Column("downloads", label=_("Téléchargements")),
        Column("listeners", label=_("Auditeurs uniques")),
    ]

    def get_queryset(self):
        listeners = {} if self.scope is not None else figures.daily_listeners(self.period)
        names = labels.DayNames()
        return [
            SimpleNamespace(
                day=day,
                day_label=names.long(day),
                downloads=downloads,
                listeners=listeners.get(day, "—"),
            )
            for day, downloads in reversed(figures.downloads_per_day(self.period, self.scope))
        ]

    def chart(self, rows):
        names = labels.DayNames()
        points = [(names.short(row.day), row.downloads) for row in reversed(rows)]
        return charts.column_chart(points, title=_("Téléchargements par jour"))

    def associations(self):
        """None for the radio's team (the whole radio's listeners), else the partner's."""
        return None if self.scope is None else partner_associations(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            total=sum(row.downloads for row in self.object_list),
            months=figures.monthly_listeners(self.period, self.associations()),
            top_episodes=figures.top_episodes(self.period, self.scope),
        )
        return context


class EpisodesView(AudienceReportView):
    """Each episode's downloads in the period, and in its first 1, 7 and 30 days."""

    page_title = _("Audience : épisodes et rythme de lancement")
    index_url_name = "audience_episodes"
    export_name = "episodes"
    list_export = [
        "guid",
        "title",
        "downloads",
        "first_day",
        "first_week",
        "first_month",
        "all_time",
        "listeners",
    ]
    export_headings = EPISODE_HEADINGS
    columns = [
        Column(name, label=label) for name, label in EPISODE_HEADINGS.items() if name != "guid"
    ]

    def get_queryset(self):
        return figures.episode_figures(self.period, self.scope)

    def chart(self, rows):
        points = [(row.title, row.downloads) for row in rows[:15]]
        return charts.bar_chart(points, title=_("Les épisodes les plus téléchargés"))


class ByKindView(AudienceReportView):
    """A report whose URL names what it is broken down by (its `kind`, one of `titles`)."""

    titles = {}

    @property
    def kind(self):
        if self.kwargs["kind"] not in self.titles:
            raise Http404
        return self.kwargs["kind"]

    @property
    def export_name(self):
        return self.kind

    @property
    def page_title(self):
        return self.titles[self.kind]


class GroupsView(ByKindView):
    """Downloads by show, theme or association (the `kind` of the URL)."""

    index_url_name = "audience_groups"
    list_export = ["name", "episodes", "downloads", "all_time"]
    columns = [
        Column("name", label=_("Nom")),
        Column("episodes", label=_("Épisodes")),
        Column("downloads", label=_("Téléchargements sur la période")),
        Column("all_time", label=_("Depuis la publication")),
    ]
    export_headings = {column.name: column.label for column in columns}

    titles = labels.GROUP_TITLES

    def get_queryset(self):
        return groups.group_figures(self.kind, figures.episode_figures(self.period, self.scope))

    def chart(self, rows):
        points = [(row.name, row.downloads) for row in rows[:15]]
        return charts.bar_chart(points, title=self.page_title)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "tabs": labels.group_tabs(self.kind)}


class BreakdownView(ByKindView):
    """Downloads by app, device class, country, hour or weekday (the `kind` of the URL)."""

    index_url_name = "audience_breakdown"
    paginate_by = None
    list_export = ["label", "downloads", "share"]
    columns = [
        Column("label", label=_("Valeur")),
        Column("downloads", label=_("Téléchargements")),
        Column("share", label=_("Part")),
    ]
    export_headings = {"label": _("Valeur"), "downloads": _("Téléchargements"), "share": _("Part")}

    titles = labels.BREAKDOWN_TITLES

    def get_queryset(self):
        pairs = figures.breakdown(self.kind, self.period, self.scope)
        total = sum(value for _label, value in pairs) or 1
        return [
            SimpleNamespace(
                label=labels.breakdown_label(self.kind, value),
                downloads=downloads,
                share=f"{downloads / total:.0%}".replace("%", "\u202f%"),
            )
            for value, downloads in pairs
        ]

    def chart(self, rows):
        return charts.bar_chart(
            [(row.label, row.downloads) for row in rows[:24]], title=self.page_title
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "tabs": labels.breakdown_tabs(self.kind)}
