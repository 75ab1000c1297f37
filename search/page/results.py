"""The objects shown on a result page: episodes with their passages, associations, resources,
the editors' picks, and what to offer when nothing is found."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from audience.figures import Period, most_downloaded
from episodes.models import Association, EpisodePage, KnowledgePage, Theme
from search.passages import transcript_passages
from search.query import fold

OTHER_RESULTS = 5
SUGGESTED_EPISODES = 3
LISTENING_DAYS = 30
# The audience's daily figures move once a minute at most; an hour's delay suits a suggestion.
MOST_LISTENED_SECONDS = 3600


@dataclass(frozen=True)
class EpisodeResult:
    """An episode in the results, with its address and the passages where the words are said."""

    episode: EpisodePage
    url: str
    passages: list


def episode_results(pks, words):
    """The episodes of one result page, in order, with their matching transcript passages.

    get_url() without the request reads Wagtail's cached site root paths: no Site query.
    """
    episodes = (
        EpisodePage.objects.filter(pk__in=pks)
        .select_related("audio", "event")
        .prefetch_related("themes")
    )
    by_pk = {episode.pk: episode for episode in episodes}
    passages = transcript_passages(pks, words)
    return [
        EpisodeResult(by_pk[pk], by_pk[pk].get_url(), passages.get(pk, []))
        for pk in pks
        if pk in by_pk
    ]


def other_results(found):
    """The best associations and knowledge pages for the query, a few of each: full matches,
    then partial ones."""
    association_pks = found.of(Association)[:OTHER_RESULTS]
    associations = Association.objects.filter(pk__in=association_pks)
    knowledge_pks = found.of(KnowledgePage)[: OTHER_RESULTS * 4]
    pages = KnowledgePage.objects.live().public().filter(pk__in=knowledge_pks)
    return {
        "associations": in_order(associations, association_pks),
        "knowledge_pages": in_order(pages, knowledge_pks)[:OTHER_RESULTS],
    }


def in_order(objects, pks):
    """The objects in the order of their pks."""
    by_pk = {instance.pk: instance for instance in objects}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def promotions(*texts):
    """The editors' picks (Wagtail's promoted search results) for the query as typed or as
    corrected, accents and case aside: live pages and external links, in the editors' order."""
    wanted = {fold(normalise_query_string(text)) for text in texts if text}
    picks = SearchPromotion.objects.select_related("query", "page")  # editors keep a few
    return [
        pick
        for pick in picks
        if fold(pick.query.query_string) in wanted and (pick.page is None or pick.page.live)
    ]


def nothing_found_help(catalogue):
    """What an empty result page offers: the themes and a few episodes to listen to, the most
    downloaded over the last 30 days, or the newest while the audience has no figures."""
    visible = {entry.pk for entry in catalogue.visible()}
    suggested = [pk for pk in most_listened() if pk in visible][:SUGGESTED_EPISODES]
    most_listened_found = bool(suggested)
    if not suggested:
        suggested = [entry.pk for entry in catalogue.visible()[:SUGGESTED_EPISODES]]
    episodes = in_order(EpisodePage.objects.filter(pk__in=suggested), suggested)
    return {
        "suggested_themes": list(Theme.objects.order_by("name")),
        "suggested_episodes": [(episode, episode.get_url()) for episode in episodes],
        "suggested_most_listened": most_listened_found,
    }


def most_listened():
    """The pks of the episodes most downloaded over the last LISTENING_DAYS UTC days, best first
    (a few more than shown, some may be unpublished since), cached for an hour."""
    today = timezone.now().date()
    key = f"search:most-listened:{today.isoformat()}"
    pks = cache.get(key)
    if pks is None:
        period = Period(today - datetime.timedelta(days=LISTENING_DAYS - 1), today)
        pks = [pk for pk, _ in most_downloaded(period, limit=SUGGESTED_EPISODES * 10)]
        cache.set(key, pks, MOST_LISTENED_SECONDS)
    return pks
