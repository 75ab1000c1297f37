"""Byte ranges of HTTP requests (RFC 7233), read against the size of an audio file.

Podcast apps fetch audio in parts: Apple probes `Range: bytes=0-1`, players seek with open-ended
and suffix ranges. What is asked is one of three things: a part (206), something that cannot be
served (416), or nothing we honour, which means the whole file (200).
"""

import re
from dataclasses import dataclass

from django.utils.http import parse_http_date_safe

# Positions beyond 18 digits are no real file's; bounding them keeps int() cheap and safe.
BYTE_RANGE_SPEC = re.compile(r"([0-9]{1,18})?-([0-9]{1,18})?", re.ASCII)


@dataclass(frozen=True)
class ByteRange:
    """A satisfiable part of a file, from start to end inclusive (answered with 206)."""

    start: int
    end: int

    @property
    def length(self):
        """How many bytes the part holds."""
        return self.end - self.start + 1

    def content_range(self, size):
        """The Content-Range header of a 206 answer."""
        return f"bytes {self.start}-{self.end}/{size}"


@dataclass(frozen=True)
class Unsatisfiable:
    """A valid range that lies outside the file (answered with 416)."""

    def content_range(self, size):
        """The Content-Range header of a 416 answer."""
        return f"bytes */{size}"


UNSATISFIABLE = Unsatisfiable()


def parse_range(header, size):
    """What a Range header asks of a file of `size` bytes: a ByteRange, UNSATISFIABLE or None.

    None means "send the whole file": no header, another unit, a malformed header (RFC 7233 lets
    a server ignore it), or several ranges (which we answer with the whole file, not multipart).
    """
    specs = byte_range_specs(header)
    if specs is None or len(specs) != 1:
        return None
    return resolve_spec(specs[0], size)


def byte_range_specs(header):
    """The (first, last) pairs of a `bytes=` header, as strings or None; None if it is invalid."""
    unit, equals, range_set = (header or "").partition("=")
    if not equals or unit.strip().lower() != "bytes":
        return None
    specs = []
    # A list may hold empty elements ("0-1, ,"): RFC 7230 section 7 asks to skip them.
    for element in filter(None, (part.strip() for part in range_set.split(","))):
        match = BYTE_RANGE_SPEC.fullmatch(element)
        if match is None or match.groups() == (None, None):
            return None
        first, last = match.groups()
        if first is not None and last is not None and int(last) < int(first):
            return None
        specs.append((first, last))
    return specs or None


def resolve_spec(spec, size):
    """The part of the file one valid byte-range-spec designates, or UNSATISFIABLE."""
    first, last = spec
    if first is None:
        suffix_length = int(last)
        if suffix_length == 0 or size == 0:
            return UNSATISFIABLE
        return ByteRange(max(size - suffix_length, 0), size - 1)
    start = int(first)
    if start >= size:
        return UNSATISFIABLE
    end = size - 1 if last is None else min(int(last), size - 1)
    return ByteRange(start, end)


def if_range_matches(header, etag, last_modified):
    """Whether an If-Range header still designates our file, so its Range may be honoured.

    An entity-tag must match our strong ETag exactly (a weak one never matches); a date must
    equal our Last-Modified, to the second (RFC 7233 section 3.2).
    """
    header = (header or "").strip()
    if header.startswith(('"', "W/")):
        return etag is not None and header == etag
    date = parse_http_date_safe(header)
    return date is not None and last_modified is not None and date == int(last_modified)
