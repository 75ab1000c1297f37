"""Files of a podcast being imported, read from its host (http, https) or from a local path.

Every download has a timeout (seconds without a byte) and a size limit, follows redirects only to
http(s) addresses and names itself with a User-Agent. Problems become FetchError, in French.
"""

import http.client
import socket
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

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


OPENER = urllib.request.build_opener(HttpRedirects)


def user_agent():
    return f"RadioDesTerritoires-import/1.0 (+{settings.PUBLIC_BASE_URL})"


def is_http_url(source):
    """Whether source is an http or https address (the rest is a local file path)."""
    return urlsplit(source).scheme in ("http", "https")


def open_url(url):
    """The response to a GET of url, or FetchError saying in French why there is none."""
    if not is_http_url(url):
        raise FetchError(_("« %(url)s » n'est pas une adresse web (http ou https).") % {"url": url})
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        return OPENER.open(request, timeout=settings.PODCAST_IMPORT_TIMEOUT)
    except urllib.error.HTTPError as error:
        error.close()
        reason = HTTP_REASONS.get(error.code, error.reason)
        raise FetchError(
            _("%(url)s : le serveur a répondu « %(code)s %(reason)s ».")
            % {"url": url, "code": error.code, "reason": reason}
        ) from None
    except urllib.error.URLError as error:
        raise FetchError(network_message(url, error.reason)) from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(network_message(url, error)) from None


def network_message(url, reason):
    """Why a host could not be reached, in French."""
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


def copy_limited(response, out, url, max_bytes):
    """Copy the response body to out, refusing it past max_bytes; the number of bytes copied."""
    size = 0
    try:
        while chunk := response.read(CHUNK_SIZE):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(
                    _("%(url)s : le fichier dépasse la limite de %(limit)s Mo.")
                    % {"url": url, "limit": max_bytes // MEGABYTE}
                )
            out.write(chunk)
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(network_message(url, error)) from None
    finally:
        response.close()
    return size


def fetch_bytes(url, *, max_bytes):
    """The body of a small file (feed, transcript, chapters, image) as bytes."""
    chunks = ChunkList()
    copy_limited(open_url(url), chunks, url, max_bytes)
    return b"".join(chunks)


class ChunkList(list):
    """A write()-able list of byte chunks."""

    def write(self, chunk):
        self.append(chunk)


def fetch_to_tempfile(url, *, max_bytes):
    """A large file (audio) streamed to a temporary file; (file rewound, Content-Type)."""
    response = open_url(url)
    content_type = response.headers.get_content_type()
    out = tempfile.TemporaryFile()
    try:
        copy_limited(response, out, url, max_bytes)
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
