"""Our own show feed, imported into a fresh site, gives back the same show and episodes: GUIDs,
seasons and numbers, chapters, transcripts, soundbites, places, funding, licence, and the
people, as drafts awaiting their consent. Its files are served on loopback."""

import datetime
import io
from urllib.parse import urlsplit

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from episodes.models import EpisodePage, EpisodeSpeaker, Event, FundingLink, Person, PodcastPage
from tests import factories
from tests.feeds.helpers import NS, channel_of, items_of


def source_show(home):
    """A show as the site makes it: two full episodes (consented people, chapters, transcript,
    soundbite, place), a trailer, funding and a licence; unlocked, as before a move."""
    moment = datetime.datetime(2025, 5, 6, 8, 30, tzinfo=datetime.UTC)
    show = factories.make_show(
        parent=home,
        itunes_subcategory="Documentary",
        license="cc-by-4.0",
        license_url="https://creativecommons.org/licenses/by/4.0/",
        podcast_locked=False,
    )
    show.funding = [FundingLink(url="https://radio.example/soutenir/", label="Soutenir la radio")]
    show.save_revision().publish()
    factories.make_full_episode(show=show, publication_date=moment)
    factories.make_full_episode(
        show=show,
        title="Le réemploi solidaire",
        episode_number=8,
        soundbite_start=40,
        soundbite_duration=15,
        publication_date=moment + datetime.timedelta(days=7),
    )
    factories.make_episode(
        show=show,
        title="Bande-annonce de la saison 2",
        episode_type="trailer",
        season=2,
        publication_date=moment - datetime.timedelta(days=1),
    )
    EpisodeSpeaker.objects.update(consent_given=True, consent_date=moment.date())
    return PodcastPage.objects.get(pk=show.pk)


def feed_of(client, show):
    response = client.get(reverse("show_feed", kwargs={"slug": show.slug}))
    assert response.status_code == 200
    return response.content


def mirror(client, host, body):
    """Serve on the host every file of ours the feed links (audio, transcripts, chapters,
    images), as the former host would."""
    prefix = host.url("").rstrip("/")
    urls = {v for e in etree.fromstring(body).iter() for v in e.attrib.values()}
    for url in (u for u in urls if u.startswith(prefix)):
        path = urlsplit(url).path
        response = client.get(path)
        if response.status_code == 200:
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            host.files[path] = (content, response["Content-Type"])
        else:  # images: the site's media storage, which a web server serves in production
            media = path.removeprefix("/media/")
            host.files[path] = (default_storage.open(media).read(), "image/jpeg")


def fresh_site(show):
    """The site without the show, its people or its places, as a new site would be."""
    show.delete()
    Person.objects.all().delete()
    Event.objects.all().delete()


def snapshot(show):
    """What the round trip keeps, episode by episode (by the GUID our feed gives them), and the
    show's own values."""
    episodes = {}
    for page in EpisodePage.objects.child_of(show).specific():
        page = page.get_latest_revision_as_object()
        episodes[page.source_guid or page.guid] = {
            "title": page.title,
            "date": page.publication_date.replace(microsecond=0),
            "numbers": (page.season, page.episode_number, page.episode_type),
            "soundbite": (page.soundbite_start, page.soundbite_duration),
            "place": page.event and (page.event.place, page.event.latitude, page.event.longitude),
            "chapters": [(c.start_time, c.title, c.url) for c in page.chapters.all()],
            "transcript": [
                (s.start_time, s.end_time, s.speaker, s.body)
                for s in page.transcript_segments.all()
            ],
            "people": [(s.person.name, s.person.link, s.role) for s in page.speakers.all()],
        }
    values = (
        show.title,
        show.license,
        show.license_url,
        show.itunes_category,
        show.itunes_subcategory,
    )
    funding = [(link.url, link.label) for link in show.funding.all()]
    return values, funding, episodes


def test_our_own_feed_imported_into_a_fresh_site_gives_the_same_show_back(
    host, home, client, settings
):
    settings.PUBLIC_BASE_URL = host.url("").rstrip("/")
    show = source_show(home)
    body = feed_of(client, show)
    mirror(client, host, body)
    host.files["/ancien-flux.xml"] = (body, "application/rss+xml")
    before = snapshot(show)
    assert len(before[2]) == 3 and all(e["people"] for e in before[2].values() if e["chapters"])
    podcast_guid = channel_of(body).findtext("podcast:guid", namespaces=NS)
    fresh_site(show)

    out = io.StringIO()
    call_command("import_podcast", host.url("/ancien-flux.xml"), publish=True, stdout=out)

    imported = PodcastPage.objects.get()
    assert "Import terminé : 3 ajoutés" in out.getvalue()
    assert snapshot(imported) == before
    assert str(imported.podcast_guid) == podcast_guid
    drafts = [
        s
        for page in EpisodePage.objects.child_of(imported)
        for s in page.get_latest_revision_as_object().speakers.all()
    ]
    assert len(drafts) == 4 and not any(s.consent_given for s in drafts)
    assert not EpisodeSpeaker.objects.exists()  # none published before consent is recorded
    again = feed_of(client, imported)
    assert [i.findtext("guid") for i in items_of(again)] == [
        i.findtext("guid") for i in items_of(body)
    ]
    assert channel_of(again).findtext("podcast:guid", namespaces=NS) == podcast_guid
