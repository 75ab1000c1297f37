"""Template tags for what search engines, social networks and partner sites read: JSON-LD, and
the public site's absolute addresses."""

import json

from django import template
from django.utils.safestring import mark_safe

from episodes.delivery import addresses

register = template.Library()

# What must not appear as such inside a <script>: JSON escapes these, as Django's json_script does.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A JSON-LD block; a data block, so the Content-Security-Policy lets it through."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def public_url(path):
    """The absolute public address of a path: {{ page.url|public_url }}."""
    return addresses.public_url(str(path))
