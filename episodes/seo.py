"""Structured data (schema.org JSON-LD) describing shows and episodes to search engines."""

from django.conf import settings


def absolute(path):
    """An absolute URL on the public site."""
    return path if path.startswith(("http://", "https://")) else settings.PUBLIC_BASE_URL + path


def iso_duration(seconds):
    """Seconds as an ISO 8601 duration (« PT12M34S »)."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"PT{hours}H{minutes}M{secs}S" if hours else f"PT{minutes}M{secs}S"


def show_json_ld(show):
    """The PodcastSeries of a show."""
    return {
        "@context": "https://schema.org",
        "@type": "PodcastSeries",
        "name": show.title,
        "url": absolute(show.url),
        "description": show.description,
        "webFeed": show.feed_url,
        "inLanguage": show.language,
        "author": {"@type": "Organization", "name": show.author},
    }


def episode_json_ld(episode, show, themes, associations):
    """The PodcastEpisode of an episode: its themes as `about`, its associations as `mentions`."""
    data = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": episode.title,
        "url": absolute(episode.url),
        "description": episode.summary,
        "inLanguage": show.language,
        "partOfSeries": {"@type": "PodcastSeries", "name": show.title, "url": absolute(show.url)},
        "about": [
            {"@type": "Thing", "name": theme.name, "url": absolute(theme.get_absolute_url())}
            for theme in themes
        ],
        "mentions": [
            {"@type": "Organization", "name": item.name, "url": absolute(item.get_absolute_url())}
            for item in associations
        ],
    }
    if episode.publication_date:
        data["datePublished"] = episode.publication_date.isoformat()
    if episode.episode_number:
        data["episodeNumber"] = episode.episode_number
    if episode.audio:
        data["duration"] = iso_duration(episode.audio.duration)
        data["associatedMedia"] = {
            "@type": "MediaObject",
            "contentUrl": episode.enclosure_url,
            "encodingFormat": episode.audio.mime_type,
            "contentSize": str(episode.audio.size),
        }
    return data
