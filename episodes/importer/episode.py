"""An imported feed's item written into the site as an episode (EpisodePage) of its show.

Episodes are found again by their former <guid> (EpisodePage.source_guid) within the show they
were imported into (source_show, unique together): a second import adds the new items and
updates the changed ones, never duplicates one. An item
whose audio cannot be had is not imported (it is reported); a missing or unreadable artwork,
transcript or chapters file only gives a warning.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from episodes.importer.apply import (
    ItemRefused,
    Outcome,
    changed_fields,
    fitting,
    new_file,
    new_transcript,
    notes_rich_text,
    save_page,
)
from episodes.importer.episode_extras import (
    add_draft_speakers,
    consented_only,
    event_for,
    pending_speakers,
    soundbite_fields,
)
from episodes.importer.known import imported_episode
from episodes.models import EpisodePage

MAX_GUID_LENGTH = EpisodePage._meta.get_field("source_guid").max_length
WARNINGS = {
    "artwork": gettext_lazy("pochette non importée : %(reason)s"),
    "transcript": gettext_lazy("transcription non importée : %(reason)s"),
    "chapters": gettext_lazy("chapitres non importés : %(reason)s"),
}


def episode_fields(data, warnings):
    """The EpisodePage values an item gives; what it gives that the site cannot hold goes to
    warnings."""
    warnings.extend(data.not_imported)
    return {
        "title": (data.title or data.guid)[:255],
        "summary": fitting(data.summary, data.title or data.guid),
        "show_notes": notes_rich_text(data.notes_html),
        "publication_date": data.pub_date,
        "season": data.season,
        "episode_number": data.episode_number,
        "episode_type": data.episode_type,
        "explicit": data.explicit,
        "event": event_for(data.location),
        **soundbite_fields(data.soundbite, warnings),
    }


def undated_warning(data):
    """What the editor reads about an item the feed gives no date."""
    return _(
        "le flux ne donne pas sa date : il est daté du %(date)s, d'après sa place dans le "
        "flux ; corrigez la date de publication au besoin"
    ) % {"date": formats.date_format(timezone.localtime(data.pub_date), "DATETIME_FORMAT")}


def apply_episode(show, data, *, user=None, action="publish"):
    """The Outcome of importing an item into the show, published or submitted for approval
    (action, see save_page); ItemRefused when it cannot be imported."""
    if not data.guid:
        raise ItemRefused(_("l'élément n'a ni <guid> ni fichier audio."))
    if len(data.guid) > MAX_GUID_LENGTH:
        limit = {"limit": MAX_GUID_LENGTH}
        raise ItemRefused(_("son <guid> dépasse %(limit)s caractères.") % limit)
    if not data.audio_url:
        raise ItemRefused(_("l'élément n'a pas de fichier audio (<enclosure>)."))
    episode = imported_episode(show, data.guid)
    outcome = Outcome("added" if episode is None else "unchanged")
    fields = episode_fields(data, outcome.warnings)
    if not data.dated and episode is not None:
        del fields["publication_date"]  # a date made up at the first import stays
    elif not data.dated:
        outcome.warnings.append(undated_warning(data))
    pending = pending_speakers(episode)
    consented_only(episode)  # people are published only once they consent
    fields = changed_fields(episode, fields)
    title = fields.get("title") or episode.title
    fields.update(linked_files(episode, data, title, outcome))
    new_episode = None
    if episode is None:
        new_episode = EpisodePage(source_guid=data.guid, source_show=show, live=False, **fields)
    page = save_page(show, episode, new_episode, fields, outcome, user=user, action=action)
    add_draft_speakers(page, data.persons, pending, outcome, user=user)
    return outcome


def linked_files(episode, data, title, outcome):
    """The episode's audio, artwork, transcript and chapters that are new, by field name."""
    fields = {}
    audio = new_file(episode, "audio", data.audio_url, title, outcome)
    if isinstance(audio, Exception):
        if episode is None or episode.audio_id is None:
            raise ItemRefused(_("audio : %(reason)s") % {"reason": audio})
        outcome.warnings.append(
            _("nouvel audio non importé, l'ancien est gardé : %(reason)s") % {"reason": audio}
        )
    elif audio is not None:
        fields["audio"] = audio
    found = {
        "artwork": new_file(episode, "artwork", data.image_url, f"Pochette : {title}", outcome),
        "transcript": new_transcript(episode, data.transcripts, outcome),
        "chapters": new_file(episode, "chapters", data.chapters_url, title, outcome),
    }
    names = {"artwork": "artwork", "transcript": "transcript_segments", "chapters": "chapters"}
    for kind, value in found.items():
        if isinstance(value, Exception):
            outcome.warnings.append(WARNINGS[kind] % {"reason": value})
        elif value is not None:
            fields[names[kind]] = value
    return fields
