"""Dates for the items a feed gives without one: never "now" in the middle of the archive.

The feed's order is kept (newest first, as feeds are written): an undated item is dated one minute
after the next older dated item, two minutes for the item above it, and so on; undated items with
no older dated item below them are dated one minute before the newer one above. A feed without
any date counts back from the import's time, a minute an item.
"""

import dataclasses
import datetime

from django.utils import timezone

MINUTE = datetime.timedelta(minutes=1)


def with_dates(episodes):
    """The episodes (newest first), each with a pub_date; made-up ones have dated=False."""
    dates = [episode.pub_date for episode in episodes]
    if all(dates):
        return episodes
    filled = spread(dates, timezone.now().replace(second=0, microsecond=0))
    return [
        episode if episode.pub_date else dataclasses.replace(episode, pub_date=date, dated=False)
        for episode, date in zip(episodes, filled, strict=True)
    ]


def spread(dates, now):
    """The dates (newest first, None where missing), each None replaced by a neighbour's
    date one minute per item away."""
    filled = list(dates)
    older = None  # the date of the nearest dated item below, and how many items up we are
    for index in range(len(filled) - 1, -1, -1):
        if dates[index] is not None:
            older = (dates[index], 0)
        elif older is not None:
            older = (older[0], older[1] + 1)
            filled[index] = older[0] + older[1] * MINUTE
    newer = now + MINUTE
    for index, date in enumerate(filled):
        if date is None:
            newer -= MINUTE
            filled[index] = newer
        else:
            newer = date
    return filled
