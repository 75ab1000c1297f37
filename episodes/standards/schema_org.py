"""schema.org structured data (JSON-LD) describing shows and episodes to search engines."""

from episodes.delivery.addresses import public_url


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
        "url": public_url(show.url),
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
        "url": public_url(episode.url),
        "description": episode.summary,
        "inLanguage": show.language,
        "partOfSeries": {"@type": "PodcastSeries", "name": show.title, "url": public_url(show.url)},
        "about": [
            {"@type": "Thing", "name": theme.name, "url": public_url(theme.get_absolute_url())}
            for theme in themes
        ],
        "mentions": [
            {"@type": "Organization", "name": item.name, "url": public_url(item.get_absolute_url())}
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
