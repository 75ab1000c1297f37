"""What the Podcasting 2.0 namespace requires of identifiers (podcastindex.org/namespace/1.0):
feed and item GUIDs that podcast apps rely on, never changed once given. No ORM."""

import re
import uuid

# The Podcasting 2.0 namespace for podcast:guid (podcastindex.org/namespace/1.0#guid).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid_for_feed_url(feed_url):
    """The podcast:guid of a feed: UUIDv5 over its URL without scheme and trailing slashes."""
    without_scheme = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url.strip())
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, without_scheme.rstrip("/"))


def new_episode_guid():
    """A fresh item GUID for a new episode (kept for ever, whatever its title or slug)."""
    return str(uuid.uuid4())
