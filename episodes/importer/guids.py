"""Items of one feed that share a <guid>: each is kept, the later ones under a derived GUID.

A feed listed newest first gains items at its top, so the oldest item keeps the GUID and each
later one gets a UUID derived from the show's podcast:guid, the shared GUID, its enclosure's
address and its rank among the items with that same GUID and address: the same at every import
of the feed, so that re-imports find every episode again and change nothing.
"""

import dataclasses
import uuid
from collections import Counter

from django.utils.translation import gettext as _


def derived_guid(show_guid, guid, audio_url, rank):
    """The stable GUID of the rank-th later item sharing guid (rank from 1)."""
    return str(uuid.uuid5(show_guid, f"{guid}\n{audio_url}\n{rank}"))


def distinct_guids(show_guid, episodes):
    """(episodes oldest first, each with a GUID of its own; French messages naming the items
    whose GUID was derived)."""
    seen, ranks, kept, messages = set(), Counter(), [], []
    for data in reversed(episodes):  # oldest first, as they were published
        if data.guid and data.guid in seen:
            ranks[(data.guid, data.audio_url)] += 1
            rank = ranks[(data.guid, data.audio_url)]
            new_guid = derived_guid(show_guid, data.guid, data.audio_url, rank)
            messages.append(
                _(
                    "« %(title)s » a le même <guid> (« %(guid)s ») qu'un élément plus ancien du "
                    "flux : il est importé sous un GUID dérivé, le même à chaque import "
                    "(%(new)s)."
                )
                % {"title": data.title or data.audio_url, "guid": data.guid, "new": new_guid}
            )
            data = dataclasses.replace(data, guid=new_guid)
        seen.add(data.guid)
        kept.append(data)
    return kept, messages
