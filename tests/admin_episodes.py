"""Editors, moderators and administrators from the migrated groups, and episode editor POSTs."""

import feedparser
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from episodes.models import Person

EDITORS, MODERATORS, ADMINISTRATORS = "Rédaction", "Validation association", "Administration"


def make_member(django_user_model, username, group_name):
    """A staff user in one of the groups the migration created."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "motdepasse")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def speaker(person, *, consent=True, **fields):
    """A row of the speakers inline, as the editor fills it."""
    row = {"person": person.pk, "role": "guest", "consent_scope": "everywhere"}
    if consent:
        row |= {"consent_given": "on", "consent_date": "2026-11-02", "consent_recorded_by": "Léa"}
    return row | fields


def episode_form(audio, *, title="Yoti : la seconde vie des objets", speakers=(), **fields):
    """The episode editor's POST data: content, speakers and empty chapters and transcript."""
    data = {
        "title": title,
        "slug": fields.pop("slug", "yoti-seconde-vie"),
        "audio": audio.pk,
        "summary": "Un témoignage sur le réemploi.",
        "show_notes": rich_text(""),
        "episode_type": "full",
        "speakers": inline_formset(list(speakers)),
        "chapters": inline_formset([]),
        "transcript_segments": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def make_person(name="Marie Dupont"):
    return Person.objects.create(name=name)


def add_url(show):
    return f"/admin/pages/add/episodes/episodepage/{show.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def feed_titles(client, show):
    """The episode titles of a show's feed, as a podcast app parses them."""
    body = client.get(f"/podcasts/{show.slug}/feed.xml").content
    return [entry.title for entry in feedparser.parse(body).entries]
