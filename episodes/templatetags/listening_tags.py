"""Template tags for listening and subscribing: durations as the feed rounds them, addresses
as people read them, and the QR code of a feed."""

import segno
from django import template
from django.utils.encoding import uri_to_iri
from django.utils.html import escape
from django.utils.safestring import mark_safe

from episodes.formats.timecodes import format_timecode

register = template.Library()


@register.filter
def timecode(seconds):
    """« 2:03 », rounded to the second as itunes:duration is: one rounding everywhere."""
    return format_timecode(seconds or 0)


@register.filter
def iso_duration(seconds):
    """The same duration for <time datetime>: « PT2M3S »."""
    minutes, secs = divmod(round(seconds or 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"PT{hours}H{minutes}M{secs}S" if hours else f"PT{minutes}M{secs}S"


@register.filter
def readable_url(url):
    """An address as people read and share it: « /épisodes/… », not « /%C3%A9pisodes/… »."""
    return uri_to_iri(str(url))


@register.simple_tag
def qr_code(url, title):
    """An inline SVG QR code of an address, drawn on the server (segno, no network)."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#12324a", light="#fff")
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
    return mark_safe(labelled)
