"""An item's Podcasting 2.0 values written into its episode: soundbite, place, and people.

People (podcast:person) are never published without their consent: they are added to the
episode's latest draft only, as speakers whose consent is not recorded, after whatever the import
publishes or submits. The editor records their consent, then publishes them (editor/consent.py).
A re-import leaves alone the speakers the episode already has.
"""

from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from episodes.models import EpisodeSpeaker, Event, Person
from episodes.models.episode_parts import SpeakerRole

SOUNDBITE_LIMITS = (1, 120)  # seconds, as the episode's soundbite_duration allows
ROLES = {role.value for role in SpeakerRole}
LINK_LENGTH = Person._meta.get_field("link").max_length


def soundbite_fields(soundbite, warnings):
    """The episode's soundbite fields; an extract the site cannot hold is reported."""
    if soundbite is None:
        return {"soundbite_start": None, "soundbite_duration": None}
    low, high = SOUNDBITE_LIMITS
    if not low <= soundbite.duration <= high:
        warnings.append(
            _(
                "extrait (podcast:soundbite) non importé : il dure %(duration)s s, "
                "de %(low)s à %(high)s s attendus"
            )
            % {"duration": f"{soundbite.duration:g}", "low": low, "high": high}
        )
        return {"soundbite_start": None, "soundbite_duration": None}
    return {"soundbite_start": soundbite.start, "soundbite_duration": soundbite.duration}


def event_for(place):
    """The event (place of recording) of a podcast:location, found by its name or made."""
    if place is None:
        return None
    event = Event.objects.filter(Q(place=place.name) | Q(name=place.name)).first()
    if event is not None:
        return event
    return Event.objects.create(
        name=place.name,
        place=place.name,
        latitude=coordinate(place.latitude),
        longitude=coordinate(place.longitude),
        country=place.country,
    )


def coordinate(text):
    """A latitude or longitude as the event stores it (6 decimals), None if unreadable."""
    try:
        value = round(Decimal(text), 6)
    except (InvalidOperation, ValueError):
        return None
    return value if abs(value) <= 180 else None


def add_draft_speakers(page, persons, pending, outcome, user=None):
    """Give the episode's latest draft the item's people it lacks, consent not recorded, and
    the speakers still awaiting consent (pending) that publishing left out; say so."""
    if not (persons or pending):
        return  # nothing to give: the draft is not read back (most items name nobody)
    draft = page.get_latest_revision_as_object()
    known = {(speaker.person.name, speaker.role) for speaker in draft.speakers.all()}
    kept = [s for s in pending if (s.person.name, s.role) not in known]
    known |= {(speaker.person.name, speaker.role) for speaker in kept}
    new = [(p, role_of(p, outcome)) for p in persons]
    new = [(p, role) for p, role in dict.fromkeys(new) if (p.name, role) not in known]
    if not (kept or new):
        return
    for speaker in kept:
        draft.speakers.add(EpisodeSpeaker(person=speaker.person, role=speaker.role))
    for person, role in new:
        draft.speakers.add(EpisodeSpeaker(person=person_for(person), role=role))
    draft.save_revision(user=user, log_action=True)
    if new:
        outcome.changed()
        outcome.warnings.append(awaiting_consent_message([p.name for p, _role in new]))
        outcome.warnings.extend(
            _("photo de %(name)s (podcast:person img) non importée") % {"name": p.name}
            for p, _role in new
            if p.img
        )


def awaiting_consent_message(names):
    """« 2 personnes ajoutées au brouillon, en attente de leur consentement : … »"""
    return ngettext(
        "%(count)s personne ajoutée au brouillon de l'épisode, en attente de son "
        "consentement : %(names)s. Enregistrez-le, puis publiez le brouillon.",
        "%(count)s personnes ajoutées au brouillon de l'épisode, en attente de leur "
        "consentement : %(names)s. Enregistrez-les, puis publiez le brouillon.",
        len(names),
    ) % {"count": len(names), "names": ", ".join(names)}


def role_of(person, outcome):
    """The speaker role of a podcast:person; a role the site lacks becomes « guest », said."""
    if person.role in ROLES:
        return person.role
    outcome.warnings.append(
        _("rôle « %(role)s » de %(name)s inconnu du site : importé comme personne invitée")
        % {"role": person.role, "name": person.name}
    )
    return SpeakerRole.GUEST.value


def person_for(person):
    """The site's person of this name and link, made if there is none."""
    link = person.href if person.href.startswith(("http://", "https://")) else ""
    link = link if len(link) <= LINK_LENGTH else ""
    found = Person.objects.filter(name=person.name, link=link).first()
    return found or Person.objects.create(name=person.name, link=link)


def consented_only(page):
    """Keep, on the page about to be published or submitted, only the speakers who consented."""
    if page is not None:
        page.speakers = [speaker for speaker in page.speakers.all() if speaker.consent_given]


def pending_speakers(page):
    """The page's speakers whose consent is not recorded."""
    if page is None:
        return []
    return [s for s in page.speakers.all() if not s.consent_given]
