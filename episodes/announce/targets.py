"""The public addresses a change touches, computed here and nowhere else: the pages and every
feed an episode appears in (its show, its themes, its associations, the OPML list), its audio and
documents, and for a snippet, the addresses of the episodes that show it."""

from dataclasses import dataclass, field

from django.urls import reverse

from episodes.delivery.addresses import public_url
from episodes.feeds.items import public_page_url
from episodes.feeds.queries import site_root_paths
from episodes.models import (
    Association,
    AudioFile,
    EpisodePage,
    EpisodeSpeaker,
    Event,
    Person,
    PodcastPage,
    Theme,
)

# Pages that list episodes whatever the episode: home, lists of themes and associations, sitemap.
LISTING_PATHS = ("/", "/themes/", "/associations/", "/sitemap.xml", "/podcasts/opml.xml")


@dataclass
class Targets:
    """What to purge from the front cache (every URL) and what to announce to hubs (feeds)."""

    urls: set = field(default_factory=set)
    feeds: set = field(default_factory=set)

    def add_feed(self, feed_url):
        self.feeds.add(feed_url)
        self.urls.add(feed_url)

    def add_subject(self, subject):
        """A theme's or an association's page and feed."""
        self.urls.add(public_url(subject.get_absolute_url()))
        self.add_feed(subject.feed_url)

    def update(self, other):
        self.urls |= other.urls
        self.feeds |= other.feeds


def listing_targets():
    targets = Targets(urls={public_url(path) for path in LISTING_PATHS})
    targets.feeds.add(public_url(reverse("feeds_opml")))
    return targets


def episode_targets(episode):
    """The addresses of one episode: its page, its show's page and feed, each theme's and
    association's page and feed, the listings, its audio, transcripts, chapters and player."""
    episode = episode.specific
    targets = listing_targets()
    roots = site_root_paths()
    targets.urls.add(public_page_url(episode.url_path, roots))
    show = episode.get_parent().specific
    if isinstance(show, PodcastPage):
        targets.urls.add(public_page_url(show.url_path, roots))
        targets.add_feed(show.feed_url)
    for subject in [*episode.themes.all(), *episode.associations.all()]:
        targets.add_subject(subject)
    guid = episode.guid
    if episode.audio_id:
        ext = AudioFile.objects.filter(pk=episode.audio_id).values_list("extension", flat=True)
        for extension in ext:
            targets.urls.add(public_url(reverse("episode_audio", args=[guid, extension])))
    for extension in ("vtt", "srt", "json"):
        targets.urls.add(public_url(reverse("episode_transcript", args=[guid, extension])))
    targets.urls.add(public_url(reverse("episode_chapters", args=[guid])))
    targets.urls.add(public_url(reverse("episode_embed", args=[guid])))
    return targets


def show_targets(show):
    """A show's page and feed, and the theme and association feeds that borrow its channel."""
    targets = listing_targets()
    targets.urls.add(public_page_url(show.url_path, site_root_paths()))
    targets.add_feed(show.feed_url)
    for subject in [*Theme.objects.all(), *Association.objects.all()]:
        targets.add_subject(subject)
    return targets


def snippet_episodes(instance):
    """The episodes that show this snippet (theme, association, person, event, audio)."""
    episodes = EpisodePage.objects.all()
    if isinstance(instance, Theme):
        return episodes.filter(themes=instance)
    if isinstance(instance, Association):
        return episodes.filter(associations=instance)
    if isinstance(instance, Person):
        speaking = EpisodeSpeaker.objects.filter(person=instance).values("episode_id")
        return episodes.filter(pk__in=speaking)
    if isinstance(instance, Event):
        return episodes.filter(event=instance)
    if isinstance(instance, AudioFile):
        return episodes.filter(audio=instance)
    return episodes.none()


def snippet_targets(instance):
    """A snippet's own page and feed (themes, associations) and those of its episodes; nothing
    for an audio file, person or event no episode shows yet."""
    targets = Targets()
    if isinstance(instance, Theme | Association):
        targets.update(listing_targets())
        targets.add_subject(instance)
    for episode in snippet_episodes(instance).live().specific():
        targets.update(episode_targets(episode))
    return targets
