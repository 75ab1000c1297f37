"""Downloads gathered by show, theme or association, from the episodes' figures."""

from collections import defaultdict
from dataclasses import dataclass

from episodes.models import EpisodePage, PodcastPage

KINDS = ("show", "theme", "association")


@dataclass
class GroupFigures:
    """One show's, theme's or association's row."""

    name: str
    episodes: int = 0
    downloads: int = 0
    all_time: int = 0


def names_by_episode(kind, episode_ids):
    """{episode id: [names of its show, themes or associations]}, in one or two queries."""
    names = defaultdict(list)
    if kind == "show":
        paths = dict(EpisodePage.objects.filter(pk__in=episode_ids).values_list("pk", "path"))
        shows = dict(
            PodcastPage.objects.filter(
                path__in={path[: -EpisodePage.steplen] for path in paths.values()}
            ).values_list("path", "title")
        )
        for pk, path in paths.items():
            names[pk].append(shows.get(path[: -EpisodePage.steplen], "—"))
        return names
    through = getattr(EpisodePage, f"{kind}s").through
    pairs = through.objects.filter(episodepage_id__in=episode_ids)
    for pk, name in pairs.values_list("episodepage_id", f"{kind}__name"):
        names[pk].append(name)
    return names


def group_figures(kind, episode_rows):
    """[GroupFigures] of the kind over EpisodeFigures rows, most downloaded first."""
    live = [row for row in episode_rows if row.episode]
    names = names_by_episode(kind, [row.episode.pk for row in live])
    groups = {}
    for row in live:
        for name in names.get(row.episode.pk, []):
            group = groups.setdefault(name, GroupFigures(name))
            group.episodes += 1
            group.downloads += row.downloads
            group.all_time += row.all_time
    return sorted(groups.values(), key=lambda group: (-group.downloads, group.name))
