"""Who is asking, as far as counting needs: the client's address (behind trusted proxies only),
cut to the part that names a household (IPv6 /64), its country, and clean header values."""

import ipaddress
from functools import lru_cache

import iptocc
from django.conf import settings

MAX_HEADER_CHARS = 255


@lru_cache(maxsize=8)
def trusted_networks(entries):
    """TRUSTED_PROXIES as networks; an entry that is no address or network is left out."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return tuple(networks)


def parse_address(value):
    """An IP address from a header value, or None when it is none."""
    try:
        return ipaddress.ip_address((value or "").strip().strip("[]"))
    except ValueError:
        return None


def is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_address(request):
    """REMOTE_ADDR, or the X-Forwarded-For address added by the nearest untrusted hop when the
    request came through proxies listed in TRUSTED_PROXIES; a forged header is ignored."""
    remote = parse_address(request.META.get("REMOTE_ADDR"))
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not is_trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    # Read from the right: each trusted proxy appended the address it received from.
    for value in reversed(forwarded):
        address = parse_address(value)
        if address is None:
            return remote
        if not is_trusted(address, networks):
            return address
    return remote


def audience_address(address):
    """The text an audience key is made from: the IPv4 address, or the IPv6 /64 prefix."""
    if address is None:
        return ""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False).network_address)
    return str(address)


def country_of(address):
    """The ISO country code of an address from the offline iptocc data, or "" if unknown."""
    if address is None:
        return ""
    try:
        return iptocc.country_code(str(address)) or ""
    except (ValueError, TypeError):
        return ""


def clean_header(value):
    """A header value without control characters, cut to what a column holds."""
    text = (value or "")[: MAX_HEADER_CHARS * 4]
    if not text.isprintable():  # rare: most agents are plain text, checked at C speed
        text = "".join(char for char in text if char.isprintable())
    return text.strip()[:MAX_HEADER_CHARS]


def referrer_origin(value):
    """Only the scheme and host of a Referer, ending with « / »: the page's path is not kept."""
    scheme, separator, rest = clean_header(value).partition("://")
    if not separator or not scheme.isalpha():
        return ""
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    return f"{scheme.lower()}://{host.lower()}/"[:MAX_HEADER_CHARS] if host else ""
