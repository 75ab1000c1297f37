"""Every absolute address the site writes is on PUBLIC_BASE_URL: never the Host header a request
named, nor the host of Wagtail's Site record; the Site record follows PUBLIC_BASE_URL."""

import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from lxml import etree
from wagtail.models import Site

from episodes.models.site_pages import ensure_home_page
from tests import factories

PUBLIC = "https://radio.example.org"
# A Host header the test settings accept, as neither the public address nor the Site record.
HOST = "localhost:1234"


@pytest.fixture
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    return PUBLIC


def fetch(client, address):
    response = client.get(address, headers={"Host": HOST})
    assert response.status_code == 200, address
    return response.content.decode()


def absolute_addresses(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def test_canonical_and_og_url_are_on_public_base_url(client, public_base_url, tagged_episode):
    for page in (tagged_episode, tagged_episode.get_parent()):
        html = fetch(client, page.url)
        assert f'<link rel="canonical" href="{PUBLIC}{page.url}">' in html
        assert f'<meta property="og:url" content="{PUBLIC}{page.url}">' in html


def test_sitemap_addresses_are_all_on_public_base_url(client, public_base_url, tagged_episode):
    root = etree.fromstring(fetch(client, "/sitemap.xml").encode())
    locations = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{PUBLIC}/" in locations
    assert f"{PUBLIC}{tagged_episode.url}" in locations
    assert f"{PUBLIC}/themes/habitat-inclusif/" in locations
    assert f"{PUBLIC}/associations/vivre-en-beguinage/" in locations
    assert all(location.startswith(f"{PUBLIC}/") for location in locations)


def test_sitemap_and_feeds_give_an_accented_slug_as_its_page_does(client, public_base_url, show):
    # New slugs are ASCII; pages made before that, or imported, may keep an accented one.
    episode = factories.make_episode(show=show, title="Écouter l'été", slug="écouter-lété")
    assert episode.slug == "écouter-lété" and episode.url.isascii()
    assert f"<loc>{PUBLIC}{episode.url}</loc>" in fetch(client, "/sitemap.xml")
    feed = fetch(client, reverse("show_feed", kwargs={"slug": show.slug}))
    assert f"<link>{PUBLIC}{episode.url}</link>" in feed


def test_no_document_names_the_host_header_or_the_site_record(
    client, public_base_url, tagged_episode, theme, association
):
    guid = tagged_episode.guid
    addresses = [
        tagged_episode.url,
        tagged_episode.get_parent().url,
        "/sitemap.xml",
        "/robots.txt",
        reverse("show_feed", kwargs={"slug": tagged_episode.get_parent().slug}),
        reverse("theme_feed", kwargs={"slug": theme.slug}),
        reverse("association_feed", kwargs={"slug": association.slug}),
        reverse("feeds_opml"),
        reverse("episode_transcript", kwargs={"guid": guid, "ext": "json"}),
        reverse("episode_embed", kwargs={"guid": guid}),
        reverse("oembed") + f"?url={PUBLIC}{tagged_episode.url}",
    ]
    for address in addresses:
        text = fetch(client, address)
        assert "localhost" not in text, address


def test_json_ld_addresses_are_on_public_base_url(client, public_base_url, tagged_episode):
    html = fetch(client, tagged_episode.url)
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["url"] == f"{PUBLIC}{tagged_episode.url}"
    assert data["partOfSeries"]["url"].startswith(PUBLIC)
    assert data["associatedMedia"]["contentUrl"].startswith(PUBLIC)


def test_password_reset_mail_links_to_public_base_url(client, settings, django_user_model):
    django_user_model.objects.create_user("redactrice", "redactrice@example.org", "motdepasse")
    client.post(
        reverse("wagtailadmin_password_reset"),
        {"email": "redactrice@example.org"},
        headers={"Host": HOST},
    )
    (message,) = mail.outbox
    links = absolute_addresses(message.body)
    assert links and all(link.startswith(settings.PUBLIC_BASE_URL + "/admin/") for link in links)
    assert "localhost" not in message.body


def test_the_site_record_follows_public_base_url_when_the_home_page_exists(public_base_url, home):
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    assert ensure_home_page() == home
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC


def test_the_site_record_follows_public_base_url_at_each_migrate(settings, home):
    settings.PUBLIC_BASE_URL = "http://radio.example.org:8080"
    call_command("migrate", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://radio.example.org:8080"


def test_sitemap_takes_a_constant_number_of_queries(client, show, django_assert_max_num_queries):
    for number in range(6):
        factories.make_episode(show=show, title=f"Témoignage {number}", slug=f"temoignage-{number}")
    client.get("/sitemap.xml")  # Wagtail's site roots are cached from then on
    # The site, view restrictions, the pages (count, rows), themes, associations.
    with django_assert_max_num_queries(6):
        assert client.get("/sitemap.xml").status_code == 200
