"""Template tags for the measure of an episode's sound in the admin: decibels as French readers
write them, and the waveform's SVG path."""

from django import template

from episodes.formats.waveform import svg_path
from episodes.standards.loudness import decibels as french_decibels

register = template.Library()


@register.filter
def decibels(value):
    """« −24,3 »: one decimal, a comma and a true minus sign."""
    return french_decibels(value) if value is not None else ""


@register.filter
def waveform_path(peaks):
    """The SVG path of a waveform's [min, max] pairs, in a viewBox of len(peaks) × 100."""
    return svg_path(peaks or [])
