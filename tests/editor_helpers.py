"""The Wagtail episode editor driven as a browser would: the form read from the edit page, then
posted back with the editor's changes and uploads."""

import html

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import querydict_from_html

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
