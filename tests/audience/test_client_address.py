"""The listener's address: REMOTE_ADDR, or X-Forwarded-For only from TRUSTED_PROXIES; then cut."""

import pytest
from django.test import RequestFactory

from audience.client import audience_address, client_address, country_of, referrer_origin


def request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/audio/x.mp3", **headers)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert str(client_address(request("203.0.113.9", "90.84.1.2"))) == "203.0.113.9"


def test_a_trusted_proxy_names_the_listener(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert str(client_address(request("127.0.0.1", "90.84.1.2"))) == "90.84.1.2"
    assert str(client_address(request("127.0.0.1", "90.84.1.2, 10.1.2.3"))) == "90.84.1.2"


def test_a_forged_forwarded_header_before_our_proxy_is_not_believed(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    # The listener wrote « 1.2.3.4 » itself; our proxy appended the address it really saw.
    assert str(client_address(request("127.0.0.1", "1.2.3.4, 90.84.1.2"))) == "90.84.1.2"


def test_a_forwarded_header_from_an_untrusted_client_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert str(client_address(request("90.84.1.2", "127.0.0.1"))) == "90.84.1.2"


@pytest.mark.parametrize("forwarded", ["garbage", "", "999.1.1.1", "<script>", "a" * 5000])
def test_a_garbage_forwarded_header_falls_back_to_the_proxy(settings, forwarded):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "not a network"]
    assert str(client_address(request("127.0.0.1", forwarded))) == "127.0.0.1"


def test_ipv6_is_cut_to_its_64_prefix_and_ipv4_kept_whole():
    from ipaddress import ip_address

    assert audience_address(ip_address("2a01:cb00:1:2:aaaa:bbbb:cccc:dddd")) == "2a01:cb00:1:2::"
    assert audience_address(ip_address("90.84.1.2")) == "90.84.1.2"
    assert audience_address(ip_address("::ffff:90.84.1.2")) == "90.84.1.2"


def test_country_comes_from_the_offline_database():
    from ipaddress import ip_address

    assert country_of(ip_address("90.84.1.2")) == "FR"
    assert country_of(ip_address("127.0.0.1")) == ""


def test_only_the_referrers_origin_is_kept():
    assert referrer_origin("https://Player.Captivate.fm/episode/42?user=marie") == (
        "https://player.captivate.fm/"
    )
    assert referrer_origin("javascript:alert(1)") == ""
