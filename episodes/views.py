"""Views listing episodes by theme and by association."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from episodes.models import Association, EpisodePage, Theme


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
    associations = Association.objects.annotate(episode_count=published_count())
    return render(request, "episodes/association_list.html", {"associations": associations})


@require_safe
def association_detail(request, slug):
    association = get_object_or_404(
        Association.objects.prefetch_related("key_figures", "themes"), slug=slug
    )
    episodes = EpisodePage.objects.for_listing().filter(associations=association)
    context = {"association": association, "episodes": episodes}
    return render(request, "episodes/association_detail.html", context)
