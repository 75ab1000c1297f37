"""Template tags for what search engines and social networks read."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def json_ld(data):
    """A JSON-LD block; a data block, so the Content-Security-Policy lets it through."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
