"""Imports reach public Internet addresses only: a feed, an enclosure or a redirect naming the
platform's own machine or network is refused with one French message, before any connection."""

import io
import socket

import pytest
from django.core.management import CommandError, call_command

from episodes.importer import addresses
from episodes.importer.fetch import FetchError, fetch_bytes
from episodes.models import EpisodePage, PodcastPage
from tests.importer.helpers import publish_podcast

REFUSED = "adresse non autorisée"
LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "0x7f000001",
    "2130706433",
    "0177.0.0.1",
    "127.1",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[64:ff9b::7f00:1]",
]


def refusal(url):
    """The FetchError message of a download of url."""
    with pytest.raises(FetchError) as error:
        fetch_bytes(url, max_bytes=1000)
    return str(error.value)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fd00::1",
        "fe80::1",
        "ff02::1",
        "::ffff:8.8.8.8",
        "::ffff:127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::1",
        "2001:db8::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "192.0.2.1",
        "198.18.0.1",
    ],
)
def test_private_local_and_special_addresses_are_not_public(address):
    assert not addresses.is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2a00:1450:4007:80c::200e"])
def test_internet_addresses_are_public(address):
    assert addresses.is_public_address(address)


@pytest.mark.parametrize("spelling", LOOPBACK_SPELLINGS)
def test_every_spelling_of_the_local_machine_is_refused_before_connecting(
    host, home, public_addresses_only, spelling
):
    publish_podcast(host)
    with pytest.raises(CommandError, match=REFUSED):
        call_command("import_podcast", host.url("/feed.xml", host=spelling), stdout=io.StringIO())
    assert host.requests == [] and not PodcastPage.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/feed.xml",
        "http://192.168.1.1:8080/feed.xml",
        "http://[fd00::1]/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "https://172.16.0.1/feed.xml",
        "http://224.0.0.1/feed.xml",
        "http://0.0.0.0/feed.xml",
    ],
)
def test_private_network_addresses_are_refused(public_addresses_only, url):
    assert REFUSED in refusal(url)


def test_open_and_closed_ports_get_the_same_answer(host, public_addresses_only):
    """No port scanning through the importer: a listening port and a closed one look alike."""
    host.files["/feed.xml"] = (b"<rss/>", "application/rss+xml")
    open_port, closed_port = host.url("/feed.xml"), "http://127.0.0.1:9/feed.xml"
    answers = {refusal(url).replace(url, "URL") for url in (open_port, closed_port)}
    assert len(answers) == 1 and REFUSED in answers.pop()
    assert host.requests == []


@pytest.fixture
def host_on_the_internet(host, monkeypatch):
    """The podcast host plays a server on the Internet: 127.0.0.1 counts as public, every other
    local address (127.0.0.2 of the internal service, ::1…) still does not. This machine has
    no public address of its own to run one on."""
    real = addresses.is_public_address
    monkeypatch.setattr(
        addresses, "is_public_address", lambda address: str(address) == "127.0.0.1" or real(address)
    )
    return host


def test_a_feed_redirecting_to_an_internal_service_is_refused(
    host_on_the_internet, internal_service, home, public_addresses_only
):
    host = host_on_the_internet
    host.redirects["/feed.xml"] = internal_service.url("/secret")
    with pytest.raises(CommandError, match=REFUSED):
        call_command("import_podcast", host.url("/feed.xml"), stdout=io.StringIO())
    assert internal_service.requests == [] and not PodcastPage.objects.exists()


def test_an_enclosure_on_an_internal_address_is_not_downloaded(
    host_on_the_internet, internal_service, home, public_addresses_only
):
    host = host_on_the_internet
    publish_podcast(host)
    host.redirects["/audio/episode-2.mp3"] = internal_service.url("/secret")
    out = io.StringIO()
    call_command("import_podcast", host.url("/feed.xml"), stdout=out)
    assert (
        "« Épisode 2 : le réemploi » non importé — audio : "
        f"{host.url('/audio/episode-2.mp3')} : {REFUSED}" in out.getvalue()
    )
    assert internal_service.requests == [] and EpisodePage.objects.count() == 1


def test_a_name_resolving_elsewhere_at_connection_time_is_not_followed(
    host_on_the_internet, internal_service, public_addresses_only, monkeypatch
):
    """DNS rebinding: the name answers the public host to the check and the internal service
    afterwards; the connection goes to the address checked, and the next one is refused."""
    host = host_on_the_internet
    host.files["/feed.xml"] = (b"<rss>public</rss>", "application/rss+xml")
    answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2", "127.0.0.2"])
    real_getaddrinfo = socket.getaddrinfo

    def rebinding_dns(name, port, *args, **kwargs):
        if name != "podcast.example":
            return real_getaddrinfo(name, port, *args, **kwargs)
        return real_getaddrinfo(next(answers), port, *args, **kwargs)

    monkeypatch.setattr(addresses.socket, "getaddrinfo", rebinding_dns)
    url = host.url("/feed.xml", host="podcast.example")
    assert fetch_bytes(url, max_bytes=1000) == b"<rss>public</rss>"
    assert REFUSED in refusal(url)
    assert internal_service.requests == []


def test_the_operator_may_allow_imports_from_their_own_network(host, home, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    publish_podcast(host)
    call_command("import_podcast", host.url("/feed.xml", host="localhost"), stdout=io.StringIO())
    assert EpisodePage.objects.count() == 2
