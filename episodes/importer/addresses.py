"""Which hosts an import may connect to: public Internet addresses only, unless the operator
allows their own network (IMPORT_ALLOW_PRIVATE_ADDRESSES).

A feed is written by whoever hosts it: without this, a feed (or a redirect) naming 127.0.0.1, a
router or a cloud metadata service would make the platform fetch and publish what only it can
reach. The check is made on the address a name resolves to, at every connection (redirects
included), and the connection goes to that very address: a name answering a public address to
the check and a private one to the connection (DNS rebinding) gets nowhere. Every refusal gives
the same message before any packet is sent, so open and closed ports look alike.
"""

import http.client
import ipaddress
import socket

from django.conf import settings


class AddressRefused(OSError):
    """A connection to an address that imports may not reach."""


def is_public_address(address):
    """Whether an IP address (text or ipaddress object) is a public unicast Internet address."""
    ip = ipaddress.ip_address(address)
    if ip.version == 6:  # addresses carrying an IPv4 one: that one is what gets reached
        if ip.ipv4_mapped or ip.teredo:
            return False
        if ip.sixtofour and not is_public_address(ip.sixtofour):
            return False
    return ip.is_global and not (
        ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local or ip.is_private
    )


def may_connect(address):
    """Whether an import may connect to this IP address, under the current settings."""
    return settings.IMPORT_ALLOW_PRIVATE_ADDRESSES or is_public_address(address)


def checked_connection(address, timeout, source_address=None):
    """A socket connected to the first address (host, port) resolves to, each checked first
    (socket.create_connection, resolving once); AddressRefused if one is not allowed."""
    host, port = address
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    if not infos:
        raise socket.gaierror(socket.EAI_NONAME, "no address")
    for *_rest, sockaddr in infos:
        if not may_connect(sockaddr[0].split("%")[0]):
            raise AddressRefused(host)
    last_error = None
    for family, kind, proto, _name, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)  # the address checked above, not the name again
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    raise last_error


class CheckedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection made only to an allowed address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = checked_connection


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection made only to an allowed address; the certificate is still checked
    against the host's name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = checked_connection
