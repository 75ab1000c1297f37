"""Audience keys: a keyed hash (HMAC-SHA256) of address and user agent, with a secret per UTC day
(and one per month for monthly listeners) kept in the database and deleted once that period's
figures are final, so that a past key can no longer be linked to any address, even by us."""

import hashlib
import hmac
import secrets

from django.db import IntegrityError, transaction

from audience.models import AudienceSecret

KEY_BYTES = 16
_cache = {}  # period → secret bytes, for this process


def day_period(moment):
    return moment.date().isoformat()  # "YYYY-MM-DD", as strftime but without its cost per hit


def month_period(moment):
    return day_period(moment)[:7]


def secret_for(period):
    """The secret of a period, created by the first request of that period."""
    secret = _cache.get(period)
    if secret is not None:
        return secret
    stored = AudienceSecret.objects.filter(period=period).values_list("secret", flat=True).first()
    if stored is None:
        try:
            with transaction.atomic():
                stored = AudienceSecret.objects.create(
                    period=period, secret=secrets.token_hex(32)
                ).secret
        except IntegrityError:  # another worker created it first
            stored = AudienceSecret.objects.get(period=period).secret
    if len(_cache) > 8:
        _cache.clear()
    _cache[period] = secret = bytes.fromhex(stored)
    return secret


def audience_key(secret, address_text, user_agent):
    """The hex key of one audience (address + user agent) under a period's secret."""
    message = f"{address_text}\n{user_agent}".encode("utf-8", "replace")
    return hmac.digest(secret, message, hashlib.sha256)[:KEY_BYTES].hex()


def forget_periods(periods):
    """Delete the secrets of final periods: their keys can never be recomputed."""
    AudienceSecret.objects.filter(period__in=list(periods)).delete()
    for period in periods:
        _cache.pop(period, None)
