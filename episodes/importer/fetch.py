"""Files of a podcast being imported, read from its host (http, https) or from a local path.

Every download connects to public addresses only (importer/addresses.py), has a timeout (seconds
without a byte), a deadline (seconds for the whole download: IMPORT_FEED_DEADLINE for feeds,
images and documents, IMPORT_MEDIA_DEADLINE for audio) and a size limit, follows redirects only
to http(s) addresses, never through a proxy (the address reached must be the one checked), and
names itself with a User-Agent. Problems become FetchError, in French.
"""

import http.client
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from episodes.importer.addresses import (
    AddressRefused,
    CheckedHTTPConnection,
    CheckedHTTPSConnection,
)

CHUNK_SIZE = 64 * 1024
MEGABYTE = 1024 * 1024
FEED_MAX_BYTES = 20 * MEGABYTE  # a feed's own size limit, downloaded or uploaded
HTTP_REASONS = {
    401: "accès réservé",
    403: "accès refusé",
    404: "introuvable",
    410: "supprimé",
    429: "trop de demandes",
    500: "erreur du serveur",
    502: "serveur indisponible",
    503: "serveur indisponible",
}


class FetchError(Exception):
    """A file that could not be read; str(error) is the French message."""


class HttpRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https addresses only (never to file: or ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(
                _("L'adresse %(url)s redirige vers %(target)s, qui n'est pas une adresse web.")
                % {"url": req.full_url, "target": newurl}
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Deadline:
    """The time by which a download must be over: then its connections are cut, whatever they
    are doing (connecting, reading headers or a body trickling in byte by byte)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        self.expired = False
        self.sockets = []
        self.timer = threading.Timer(seconds, self.cut)
        self.timer.daemon = True

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc_info):
        self.timer.cancel()

    def remaining(self):
        return max(self.ends_at - time.monotonic(), 0.01)

    def cut(self):
        self.expired = True
        for sock in self.sockets:
            try:  # the plain socket's shutdown: it wakes a read blocked in another thread
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass

    def message(self, url):
        return _(
            "%(url)s : le téléchargement a dépassé la durée maximale de %(seconds)s secondes."
        ) % {"url": url, "seconds": self.seconds}


class WatchedConnection:
    """A connection whose socket its download's deadline may cut (urllib lets go of the
    connection once the headers are read; the response keeps reading from that socket)."""

    deadline = None

    def connect(self):
        self.timeout = min(self.timeout, self.deadline.remaining())
        super().connect()
        self.deadline.sockets.append(self.sock)

    @classmethod
    def factory(cls, deadline):
        def connection(host, **kwargs):
            made = cls(host, **kwargs)
            made.deadline = deadline
            return made

        return connection


class WatchedHTTPConnection(WatchedConnection, CheckedHTTPConnection):
    pass


class WatchedHTTPSConnection(WatchedConnection, CheckedHTTPSConnection):
    pass


class CheckedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(WatchedHTTPConnection.factory(self.deadline), req)


class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        factory = WatchedHTTPSConnection.factory(self.deadline)
        return self.do_open(factory, req, context=self._context)


def opener(deadline):
    """urllib's opener for one download: checked addresses, its deadline, no proxy."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        HttpRedirects,
        CheckedHTTPHandler(deadline),
        CheckedHTTPSHandler(deadline),
    )


def user_agent():
    return f"RadioDesTerritoires-import/1.0 (+{settings.PUBLIC_BASE_URL})"


def is_http_url(source):
    """Whether source is an http or https address (the rest is a local file path)."""
    return urlsplit(source).scheme in ("http", "https")


def open_url(url, deadline):
    """The response to a GET of url, or FetchError saying in French why there is none."""
    if not is_http_url(url):
        raise FetchError(_("« %(url)s » n'est pas une adresse web (http ou https).") % {"url": url})
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        return opener(deadline).open(request, timeout=settings.PODCAST_IMPORT_TIMEOUT)
    except urllib.error.HTTPError as error:
        error.close()
        reason = HTTP_REASONS.get(error.code, error.reason)
        raise FetchError(
            _("%(url)s : le serveur a répondu « %(code)s %(reason)s ».")
            % {"url": url, "code": error.code, "reason": reason}
        ) from None
    except urllib.error.URLError as error:
        raise FetchError(network_message(url, error.reason, deadline)) from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(network_message(url, error, deadline)) from None


def network_message(url, reason, deadline):
    """Why a host could not be reached, in French."""
    if isinstance(reason, AddressRefused):
        return _(
            "%(url)s : adresse non autorisée (seules les adresses publiques d'Internet "
            "peuvent être importées)."
        ) % {"url": url}
    if deadline.expired:
        return deadline.message(url)
    if isinstance(reason, TimeoutError | socket.timeout):
        return _("%(url)s : le serveur n'a pas répondu dans les %(seconds)s secondes.") % {
            "url": url,
            "seconds": settings.PODCAST_IMPORT_TIMEOUT,
        }
    if isinstance(reason, ConnectionRefusedError):
        return _("%(url)s : connexion refusée par le serveur.") % {"url": url}
    if isinstance(reason, socket.gaierror):
        return _("%(url)s : ce nom de serveur est introuvable.") % {"url": url}
    return _("%(url)s : le serveur est injoignable (%(reason)s).") % {"url": url, "reason": reason}


def download(url, out, *, max_bytes, seconds):
    """Write the body at url to out within the deadline and max_bytes; its Content-Type."""
    with Deadline(seconds) as deadline:
        response = open_url(url, deadline)
        try:
            content_type = response.headers.get_content_type()
            copy_limited(response, out, url, max_bytes)
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(network_message(url, error, deadline)) from None
        finally:
            response.close()
        if deadline.expired:  # a cut connection may look like the end of the body
            raise FetchError(deadline.message(url))
    return content_type


def copy_limited(response, out, url, max_bytes):
    """Copy the response body to out, refusing it past max_bytes; the number of bytes copied."""
    size = 0
    while chunk := response.read1(CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(
                _("%(url)s : le fichier dépasse la limite de %(limit)s Mo.")
                % {"url": url, "limit": max_bytes // MEGABYTE}
            )
        out.write(chunk)
    return size


def fetch_bytes(url, *, max_bytes):
    """The body of a small file (feed, transcript, chapters, image) as bytes."""
    chunks = ChunkList()
    download(url, chunks, max_bytes=max_bytes, seconds=settings.IMPORT_FEED_DEADLINE)
    return b"".join(chunks)


class ChunkList(list):
    """A write()-able list of byte chunks."""

    def write(self, chunk):
        self.append(chunk)


def fetch_to_tempfile(url, *, max_bytes):
    """A large file (audio) streamed to a temporary file; (file rewound, Content-Type)."""
    out = tempfile.TemporaryFile()
    try:
        content_type = download(
            url, out, max_bytes=max_bytes, seconds=settings.IMPORT_MEDIA_DEADLINE
        )
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out, content_type


def read_feed(source, *, max_bytes=FEED_MAX_BYTES):
    """The bytes of a feed given by its address or by a local file path."""
    if is_http_url(source):
        return fetch_bytes(source, max_bytes=max_bytes)
    path = Path(source)
    try:
        if path.stat().st_size > max_bytes:
            raise FetchError(
                _("Le fichier « %(path)s » dépasse la limite de %(limit)s Mo.")
                % {"path": source, "limit": max_bytes // MEGABYTE}
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise FetchError(_("Le fichier « %(path)s » est introuvable.") % {"path": source}) from None
    except OSError as error:
        raise FetchError(
            _("Le fichier « %(path)s » ne peut pas être lu (%(reason)s).")
            % {"path": source, "reason": error.strerror or error}
        ) from None
