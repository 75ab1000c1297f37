"""A show's feed carries every published episode with what Apple and Podcasting 2.0 ask for."""

from datetime import timedelta

import feedparser
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from episodes.models import FundingLink, PodcastPage
from tests import factories
from tests.editor.helpers import later
from tests.factories import make_full_episode
from tests.feeds.helpers import NS, channel_of, item_by_guid, items_of, podcastparser_episodes


def feed_url(show):
    return reverse("show_feed", kwargs={"slug": show.slug})


def fetch(client, show):
    response = client.get(feed_url(show))
    assert response.status_code == 200
    return response.content


@pytest.fixture
def funded_show(home):
    show = factories.make_show(
        parent=home,
        itunes_subcategory="Documentary",
        license="cc-by-4.0",
        license_url="https://creativecommons.org/licenses/by/4.0/",
    )
    show.funding = [FundingLink(url="https://radio.example/soutenir/", label="Soutenir la radio")]
    show.save_revision().publish()
    return PodcastPage.objects.get(pk=show.pk)


def test_show_feed_channel_has_every_tag_apple_and_podcast_index_ask_for(client, funded_show):
    channel = channel_of(fetch(client, funded_show))
    base = settings.PUBLIC_BASE_URL
    assert channel.findtext("title") == "Radio des Territoires"
    assert channel.findtext("description").startswith("Les témoignages")
    assert channel.findtext("link") == f"{base}/radio-des-territoires/"
    assert channel.findtext("language") == "fr"
    assert channel.find("atom:link", NS).get("href") == base + feed_url(funded_show)
    image = channel.find("itunes:image", NS).get("href")
    assert image.startswith(base + "/media/") and image.endswith(".jpg")
    assert channel.findtext("image/url") == image
    category = channel.find("itunes:category", NS)
    assert category.get("text") == "Society & Culture"
    assert category.find("itunes:category", NS).get("text") == "Documentary"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:author", namespaces=NS) == "Radio des Territoires"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "contact@example.org"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.findtext("podcast:guid", namespaces=NS) == str(funded_show.podcast_guid)
    locked = channel.find("podcast:locked", NS)
    assert (locked.text, locked.get("owner")) == ("yes", "contact@example.org")
    assert channel.find("podcast:funding", NS).get("url") == "https://radio.example/soutenir/"
    assert channel.findtext("podcast:license", namespaces=NS) == "cc-by-4.0"
    assert channel.find("itunes:block", NS) is None


def test_show_feed_item_has_every_tag_apple_and_podcast_index_ask_for(client, show):
    episode = make_full_episode(show=show)
    item = item_by_guid(fetch(client, show), episode.guid)
    base = settings.PUBLIC_BASE_URL
    assert item.findtext("title") == episode.title
    assert item.findtext("link") == f"{base}/radio-des-territoires/{episode.slug}/"
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"{base}/audio/{episode.guid}.mp3"
    assert enclosure.get("length") == str(episode.audio.size)
    assert enclosure.get("type") == "audio/mpeg"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("itunes:duration", namespaces=NS) == str(round(episode.audio.duration))
    assert item.findtext("itunes:explicit", namespaces=NS) == "false"
    assert item.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert item.findtext("pubDate").endswith("+0000")
    assert item.findtext("itunes:season", namespaces=NS) == "2"
    assert item.findtext("itunes:episode", namespaces=NS) == "7"
    assert item.find("itunes:image", NS).get("href").endswith(".jpg")
    transcripts = {t.get("type"): t.attrib for t in item.findall("podcast:transcript", NS)}
    assert set(transcripts) == {"text/vtt", "application/x-subrip", "application/json"}
    assert transcripts["text/vtt"]["rel"] == "captions"
    assert transcripts["text/vtt"]["url"] == f"{base}/episodes/{episode.guid}/transcript.vtt"
    assert transcripts["application/json"]["language"] == "fr"
    chapters = item.find("podcast:chapters", NS)
    assert chapters.get("url") == f"{base}/episodes/{episode.guid}/chapters.json"
    assert item.find("podcast:soundbite", NS).attrib == {"startTime": "12.5", "duration": "30"}


def test_show_feed_names_speakers_and_the_place_of_recording(client, show):
    episode = make_full_episode(show=show)
    item = item_by_guid(fetch(client, show), episode.guid)
    people = [(p.text, p.get("role"), p.get("group")) for p in item.findall("podcast:person", NS)]
    assert people == [("Marie Durand", "host", "cast"), ("Vincent Bel", "guest", "cast")]
    guest = item.findall("podcast:person", NS)[1]
    assert guest.get("href") == "https://example.org/vincent-bel"
    assert guest.get("img").startswith(settings.PUBLIC_BASE_URL) and guest.get("img").endswith(
        ".jpg"
    )
    place = item.find("podcast:location", NS)
    assert place.text == "Palais des congrès, Rennes"
    assert (place.get("geo"), place.get("country")) == ("geo:48.1113,-1.68", "FR")


def test_episode_without_extras_has_no_empty_podcast_elements(client, show):
    episode = factories.make_episode(show=show)
    item = item_by_guid(fetch(client, show), episode.guid)
    for tag in ("transcript", "chapters", "soundbite", "person", "location", "season", "episode"):
        assert item.find(f"podcast:{tag}", NS) is None
    assert item.find("itunes:season", NS) is None and item.find("itunes:episode", NS) is None


def test_show_feed_description_is_reduced_to_apple_html(client, show):
    episode = make_full_episode(show=show)
    description = item_by_guid(fetch(client, show), episode.guid).findtext("description")
    fragment = etree.fromstring(f"<div>{description}</div>", etree.HTMLParser())
    assert {e.tag for e in fragment.iter()} - {"html", "body", "div"} == {"p", "a", "ul", "li"}
    assert '<a href="https://example.org/beguinage">Béguinage</a>' in description


def test_show_feed_parses_in_feedparser_without_errors(client, show):
    episode = make_full_episode(show=show)
    parsed = feedparser.parse(fetch(client, show))
    assert not parsed.bozo
    entry = parsed.entries[0]
    assert entry.id == episode.guid and not entry.guidislink
    assert entry.enclosures[0].href.endswith(f"/audio/{episode.guid}.mp3")
    assert entry.itunes_duration == str(round(episode.audio.duration))
    assert entry.itunes_episodetype == "full"
    assert {tag.term for tag in parsed.feed.tags} == {"Society & Culture"}


def test_show_feed_parses_in_podcastparser_with_enclosures_and_durations(client, show):
    make_full_episode(show=show)
    factories.make_episode(show=show, title="Deuxième", audio=factories.make_audio(seconds=3.0))
    episodes = podcastparser_episodes(feed_url(show), fetch(client, show))
    assert len(episodes) == 2
    for episode in episodes:
        assert episode["enclosures"][0]["mime_type"] == "audio/mpeg"
        assert episode["enclosures"][0]["file_size"] > 0
        assert episode["total_time"] >= 2


def test_show_feed_lists_episodes_newest_first(client, show):
    now = timezone.now()
    for days, title in ((3, "Ancien"), (1, "Récent"), (2, "Milieu")):
        factories.make_episode(show=show, title=title, publication_date=now - timedelta(days=days))
    titles = [item.findtext("title") for item in items_of(fetch(client, show))]
    assert titles == ["Récent", "Milieu", "Ancien"]


def test_show_feed_omits_drafts_future_and_unpublished_episodes(client, show):
    factories.make_episode(show=show, title="Brouillon", live=False)
    factories.make_episode(
        show=show, title="Programmé", publication_date=timezone.now() + timedelta(days=1)
    )
    factories.make_episode(show=show, title="Retiré").unpublish()
    factories.make_episode(show=show, title="Publié")
    assert [item.findtext("title") for item in items_of(fetch(client, show))] == ["Publié"]


def test_scheduled_episode_appears_once_its_time_has_come(client, show):
    factories.make_episode(show=show, title="Publié")
    factories.make_episode(
        show=show, title="Programmé", publication_date=timezone.now() + timedelta(hours=1)
    )
    assert [item.findtext("title") for item in items_of(fetch(client, show))] == ["Publié"]
    with later(hours=2):  # nothing is written at that time: the feed reads the clock
        titles = [item.findtext("title") for item in items_of(fetch(client, show))]
    assert titles == ["Programmé", "Publié"]  # newest first


def test_episode_guid_survives_a_new_title_and_slug(client, show):
    episode = factories.make_episode(show=show, title="Premier titre")
    episode.title, episode.slug = "Nouveau titre", "nouveau-titre"
    episode.save_revision().publish()
    item = item_by_guid(fetch(client, show), episode.guid)
    assert item.findtext("title") == "Nouveau titre"
    assert item.findtext("link").endswith("/nouveau-titre/")


def test_page_links_in_show_notes_become_absolute_urls(client, show):
    target = factories.make_episode(show=show, title="Cible")
    notes = f'<p>Voir <a linktype="page" id="{target.pk}">cet épisode</a>.</p>'
    episode = factories.make_episode(show=show, title="Avec lien", show_notes=notes)
    description = item_by_guid(fetch(client, show), episode.guid).findtext("description")
    url = f"{settings.PUBLIC_BASE_URL}/radio-des-territoires/cible/"
    assert f'<a href="{url}">cet épisode</a>' in description


def test_unknown_show_feed_is_404(client, show):
    assert client.get(reverse("show_feed", kwargs={"slug": "inconnu"})).status_code == 404


def test_demo_show_feed_has_five_episodes_both_parsers_read(client, db):
    call_command("load_initial_data", verbosity=0)
    show = PodcastPage.objects.get()
    body = fetch(client, show)
    assert len(items_of(body)) == 5
    assert not feedparser.parse(body).bozo
    episodes = podcastparser_episodes(feed_url(show), body)
    assert len(episodes) == 5
    assert all(episode["enclosures"] and episode["total_time"] > 20 for episode in episodes)
