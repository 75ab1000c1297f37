"""Views listing episodes by theme and by association, the associations directory and the
site map for visitors (« Plan du site »; robots keep sitemap.xml)."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from episodes.models import (
    Association,
    EpisodePage,
    KnowledgePage,
    PodcastPage,
    StandardPage,
    Theme,
)

# The site map names the newest episodes; each show's page lists them all, page by page.
SITE_MAP_EPISODES = 100


def published_count():
    """Annotation: how many published episodes link to a theme or an association."""
    published = Q(episodepage__in=EpisodePage.objects.published())
    return Count("episodepage", filter=published, distinct=True)


@require_safe
def theme_list(request):
    themes = Theme.objects.annotate(episode_count=published_count())
    return render(request, "episodes/theme_list.html", {"themes": themes})


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    episodes = EpisodePage.objects.for_listing().filter(themes=theme)
    return render(request, "episodes/theme_detail.html", {"theme": theme, "episodes": episodes})


@require_safe
def association_list(request):
    """The directory: logo, territory, website, themes and episode count, filterable by theme
    and by region (an unknown value filters nothing out rather than failing)."""
    themes = Theme.objects.all()
    regions = Association.objects.exclude(region="").order_by("region")
    regions = list(regions.values_list("region", flat=True).distinct())
    theme = themes.filter(slug=request.GET.get("theme", "")).first()
    region = request.GET.get("region", "")
    region = region if region in regions else ""
    associations = Association.objects.annotate(episode_count=published_count()).order_by("name")
    associations = associations.select_related("logo").prefetch_related("themes")
    if theme:
        associations = associations.filter(themes=theme)
    if region:
        associations = associations.filter(region=region)
    context = {
        "associations": associations,
        "themes": themes,
        "regions": regions,
        "selected_theme": theme,
        "selected_region": region,
    }
    return render(request, "episodes/association_list.html", context)


@require_safe
def association_detail(request, slug):
    association = get_object_or_404(
        Association.objects.prefetch_related("key_figures", "themes"), slug=slug
    )
    episodes = EpisodePage.objects.for_listing().filter(associations=association)
    context = {"association": association, "episodes": episodes}
    return render(request, "episodes/association_detail.html", context)


@require_safe
def site_map(request):
    """« Plan du site »: every public page a visitor may want, in one HTML page."""
    shows = PodcastPage.objects.listed()
    episodes = EpisodePage.objects.published().newest_first()
    by_show = {}
    for episode in episodes.only("title", "url_path", "path", "depth")[:SITE_MAP_EPISODES]:
        by_show.setdefault(episode.path[: -EpisodePage.steplen], []).append(episode)
    context = {
        "shows": [(show, by_show.get(show.path, [])) for show in shows],
        "knowledge_pages": KnowledgePage.objects.live().public().order_by("path"),
        "standard_pages": StandardPage.objects.live().public().order_by("path"),
        "themes": Theme.objects.all(),
        "associations": Association.objects.all(),
        "site_map_episodes": SITE_MAP_EPISODES,
    }
    return render(request, "episodes/site_map.html", context)
