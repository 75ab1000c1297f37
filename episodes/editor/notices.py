"""What editors and moderators read once an action is done: when an episode goes out, in plain
French, and a success message saying what happened rather than « mise à jour »."""

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def publication_time(moment):
    """« 3 décembre 2026 à 9 h 00 », « 1er janvier 2027 à 14 h 30 », in the site's time zone."""
    local = timezone.localtime(moment)
    day = _("1er") if local.day == 1 else str(local.day)
    return _("%(day)s %(month_year)s à %(hour)s h %(minute)s") % {
        "day": day,
        "month_year": date_format(local, "F Y"),
        "hour": local.hour,
        "minute": f"{local.minute:02d}",
    }


def say_what_happened(request, message):
    """Replace Wagtail's « La page … a été mise à jour. » by what really happened."""
    kept = [notice for notice in messages.get_messages(request) if notice.level != messages.SUCCESS]
    for notice in kept:  # reading them consumed them: put the others back
        messages.add_message(request, notice.level, notice.message, extra_tags=notice.extra_tags)
    messages.success(request, message)
