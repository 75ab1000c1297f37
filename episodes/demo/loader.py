"""Loads the demo content through the models, idempotently: what exists is left as it is."""

import hashlib
import json
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from episodes.demo import content, knowledge
from episodes.formats.transcripts import parse_webvtt
from episodes.models import (
    Association,
    AssociationKeyFigure,
    AudioFile,
    Chapter,
    EpisodePage,
    EpisodeSpeaker,
    Event,
    KnowledgeIndexPage,
    KnowledgePage,
    Person,
    PodcastPage,
    SpeakerRole,
    StandardPage,
    Theme,
    TranscriptSegment,
)
from episodes.models.site_pages import ensure_home_page

ASSETS = Path(__file__).resolve().parent / "assets"


@transaction.atomic
def load_demo_content():
    """Create whatever part of the demo content is missing; return the home page."""
    home = ensure_home_page()
    show = ensure_show(home)
    themes = {slug: ensure_theme(slug, *data) for slug, data in content.THEMES.items()}
    events = {name: ensure_event(name, *data) for name, data in content.EVENTS.items()}
    associations = {
        slug: ensure_association(slug, data, themes) for slug, data in content.ASSOCIATIONS.items()
    }
    people = {
        name: ensure_person(name, title, associations[slug])
        for name, (title, slug) in content.PEOPLE.items()
    }
    host = ensure_person(content.HOST["name"], content.HOST["title"], None)
    episodes = {}
    for number, data in enumerate(content.EPISODES, start=1):
        context = {"themes": themes, "events": events, "people": people, "host": host}
        episodes[data["key"]] = ensure_episode(show, number, data, context)
    ensure_knowledge_pages(home, episodes)
    ensure_accessibility_page(home)
    ensure_synonyms()
    return home


def ensure_synonyms():
    """The demo's synonym groups for the search, each created once."""
    from search.models import SynonymGroup

    for terms in content.SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)


def ensure_image(filename, title):
    """A Wagtail image made from an artwork file of the demo assets."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image:
        return image
    with open(ASSETS / "artwork" / filename, "rb") as fileobj:
        image = image_model(title=title, file=ImageFile(fileobj, name=filename))
        image.save()
    return image


def ensure_audio(key, title):
    """The AudioFile of an episode, uploaded through the same checks as in the admin."""
    path = ASSETS / f"{key}.mp3"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    audio = AudioFile.objects.filter(sha256=digest).first()
    if audio:
        return audio
    with open(path, "rb") as fileobj:
        audio = AudioFile(title=title, file=File(fileobj, name=path.name))
        audio.full_clean()
        audio.save()
    return audio


def ensure_show(home):
    """The demo show under the home page, with its artwork."""
    show = PodcastPage.objects.filter(slug=content.SHOW["slug"]).first()
    if show:
        return show
    artwork = ensure_image("show.png", "Pochette : Radio des Territoires")
    show = home.add_child(instance=PodcastPage(artwork=artwork, **content.SHOW))
    show.save_revision().publish()
    return show


def ensure_theme(slug, name, description):
    theme, _ = Theme.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    return theme


def ensure_event(name, date, place, latitude, longitude):
    defaults = {"date": date, "place": place, "latitude": latitude, "longitude": longitude}
    event, _ = Event.objects.get_or_create(name=name, defaults=defaults)
    return event


def ensure_association(slug, data, themes):
    """An association with its themes and key figures."""
    association = Association.objects.filter(slug=slug).first()
    fields = {k: v for k, v in data.items() if k not in ("themes", "key_figures", "description")}
    if association:
        territory = {k: v for k, v in fields.items() if k in ("region", "department")}
        if territory and not association.region:  # demo data loaded before territories were set
            Association.objects.filter(pk=association.pk).update(**territory)
        return association
    association = Association(slug=slug, description=f"<p>{data['description']}</p>", **fields)
    association.key_figures = [
        AssociationKeyFigure(value=value, label=label)
        for value, label in data.get("key_figures", [])
    ]
    association.save()
    association.themes.set(themes[slug] for slug in data["themes"])
    return association


def ensure_person(name, title, association):
    person, _ = Person.objects.get_or_create(
        name=name, defaults={"title": title, "association": association}
    )
    return person


def ensure_episode(show, number, data, context):
    """A published episode with audio, artwork, speakers, chapters and transcript."""
    episode = EpisodePage.objects.child_of(show).filter(slug=data["key"]).first()
    if episode:
        return episode
    guests = [context["people"][name] for name in data["guests"]]
    episode = EpisodePage(
        title=data["title"],
        slug=data["key"],
        audio=ensure_audio(data["key"], data["title"]),
        artwork=ensure_image(f"{data['key']}.png", f"Pochette : {data['title']}"),
        summary=data["summary"],
        show_notes=show_notes(data, guests, context["events"][data["event"]]),
        publication_date=data["published"],
        episode_number=number,
        event=context["events"][data["event"]],
        themes=[context["themes"][data["theme"]]],
        associations=[guest.association for guest in guests],
    )
    consent = {
        "consent_given": True,
        "consent_date": data["published"].date(),
        "consent_recorded_by": "Équipe de la radio",
    }
    episode.speakers = [
        EpisodeSpeaker(person=context["host"], role=SpeakerRole.HOST, **consent)
    ] + [EpisodeSpeaker(person=guest, role=SpeakerRole.GUEST, **consent) for guest in guests]
    episode.chapters = chapters_of(data["key"])
    episode.transcript_segments = transcript_of(data["key"])
    show.add_child(instance=episode)
    episode.save_revision().publish()
    return episode


def show_notes(data, guests, event):
    """Show notes in Apple's allowed HTML: who speaks, and where it was recorded (the summary
    is shown beside them, never repeated in them)."""
    items = "".join(f"<li>{guest.name}, {guest.description}</li>" for guest in guests)
    return f"<p>Enregistré {event.recorded_at}.</p><p>Avec :</p><ul>{items}</ul>"


def chapters_of(key):
    chapters = json.loads((ASSETS / f"{key}.chapters.json").read_text(encoding="utf-8"))
    return [
        Chapter(start_time=chapter["startTime"], title=chapter["title"])
        for chapter in chapters["chapters"]
    ]


def transcript_of(key):
    segments = parse_webvtt((ASSETS / f"{key}.vtt").read_text(encoding="utf-8"))
    return [TranscriptSegment(**vars(segment)) for segment in segments]


def ensure_knowledge_pages(home, episodes):
    """The knowledge index and its pages on DLA, France Active, the Hubs and the FNAF 2024."""
    index = KnowledgeIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=KnowledgeIndexPage(**knowledge.KNOWLEDGE_INDEX))
        index.save_revision().publish()
    for data in knowledge.KNOWLEDGE_PAGES:
        if KnowledgePage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        body = [("paragraph", RichText(f"<p>{text}</p>")) for text in data["paragraphs"]]
        figures = [{"value": value, "label": label} for value, label in data["figures"]]
        body.append(("key_figures", figures))
        body += [("episode", episodes[key]) for key in data["episodes"]]
        website, website_label = data["website"]
        page = KnowledgePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=body,
            website=website,
            website_label=website_label,
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def ensure_accessibility_page(home):
    """The accessibility statement (« Déclaration d'accessibilité ») under the home page."""
    data = knowledge.ACCESSIBILITY_PAGE
    if StandardPage.objects.filter(slug=data["slug"]).exists():
        return
    body = [
        (kind, RichText(f"<p>{text}</p>") if kind == "paragraph" else text)
        for kind, text in data["blocks"]
    ]
    page = home.add_child(instance=StandardPage(title=data["title"], slug=data["slug"], body=body))
    page.save_revision().publish()
