"""The Wagtail episode editor driven as a browser would: an episode form built from scratch
(episode_form) or read from the edit page and posted back with the editor's changes and uploads
(edit_form, post_edit)."""

import datetime
import html
from unittest import mock

import feedparser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)


def speaker(person, *, consent=True, **fields):
    """A row of the speakers inline, as the editor fills it."""
    row = {"person": person.pk, "role": "guest", "consent_scope": "everywhere"}
    if consent:
        row |= {"consent_given": "on", "consent_date": "2026-11-02", "consent_recorded_by": "Léa"}
    return row | fields


def episode_form(audio, *, title="Yoti : la seconde vie des objets", speakers=(), **fields):
    """The episode editor's POST data: content, speakers, no chapter and no transcript."""
    data = {
        "title": title,
        "slug": fields.pop("slug", "yoti-seconde-vie"),
        "audio": audio.pk,
        "summary": "Un témoignage sur le réemploi.",
        "show_notes": rich_text(""),
        "episode_type": "full",
        "speakers": inline_formset(list(speakers)),
        "chapters": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(show):
    return f"/admin/pages/add/episodes/episodepage/{show.pk}/"


def feed_titles(client, show):
    """The episode titles of a show's feed, as a podcast app parses them."""
    body = client.get(f"/podcasts/{show.slug}/feed.xml").content
    return [entry.title for entry in feedparser.parse(body).entries]


FORMSET_KEYS = ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def edit_form(client, page):
    """The episode editor's form data as the browser would send it unchanged, as a dict of lists."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return {key: data.getlist(key) for key in data}


def set_formset(data, prefix, rows):
    """Replace an inline list (formset) in the form data by these rows (dicts of fields)."""
    for key in [key for key in data if key.startswith(f"{prefix}-")]:
        del data[key]
    data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"})
    data.update({f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    for index, row in enumerate(rows):
        row = {"ORDER": str(index + 1), "DELETE": "", "id": "", **row}
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def post_edit(client, page, data, *, publish=False, **uploads):
    """Post the episode editor's form, with uploads given as name=(filename, bytes)."""
    data = dict(data)
    for field, (name, content) in uploads.items():
        data[field] = SimpleUploadedFile(name, content)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(edit_url(page), data)


def latest(page):
    """The episode as its latest revision holds it (what the editor saved, draft or not)."""
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def page_text(response):
    """The page as the editor reads it: HTML entities decoded."""
    return html.unescape(response.content.decode())


def later(hours):
    """timezone.now, moved forward: every caller (Wagtail, our querysets) sees the same time."""
    real_now = timezone.now
    return mock.patch(
        "django.utils.timezone.now", lambda: real_now() + datetime.timedelta(hours=hours)
    )
