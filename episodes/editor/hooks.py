"""What the admin's hooks add for editors and moderators: the « Épisodes à compléter » panel,
the consent rule at every way in (opening an episode, bulk publishing), the import page, the
admin's own stylesheet and script."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages

from episodes.editor.consent import (
    APPROVAL_REFUSED,
    approval_refusal_message,
    refusal_message,
    speakers_without_consent,
    warning_message,
)
from episodes.editor.dashboard import EpisodesToCompletePanel
from episodes.importer import admin as importer_admin
from episodes.models import EpisodePage


@hooks.register("construct_homepage_panels")
def add_episodes_to_complete_panel(request, panels):
    panels.append(EpisodesToCompletePanel())


@hooks.register("before_edit_page")
def warn_about_missing_consent(request, page):
    """On opening an episode, name the speakers whose consent is missing: it cannot go out; after a
    refused approval, say that it was refused and why."""
    if request.method == "GET" and isinstance(page, EpisodePage):
        missing = speakers_without_consent(page.speakers.all())
        refused = all(request.GET.get(key) == value for key, value in APPROVAL_REFUSED.items())
        if missing and refused:
            messages.error(request, approval_refusal_message(missing))
        elif missing:
            messages.warning(request, warning_message(missing))


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action_view):
    """Publishing several pages at once obeys the same consent rule as the episode editor."""
    if action_type != "publish":
        return None
    refused = pages_without_consent(objects, bool(request.POST.get("include_descendants")))
    for title, names in refused.items():
        messages.error(request, f"{title} : {refusal_message(names)}")
    return redirect(action_view.next_url) if refused else None


@hooks.register("register_admin_urls")
def register_import_urls():
    return importer_admin.admin_urls()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return importer_admin.menu_item()


def pages_without_consent(pages, include_descendants=False):
    """{episode title: names} for the episodes among these pages whose draft lacks consent."""
    episodes = [page for page in pages if isinstance(page.specific_deferred, EpisodePage)]
    if include_descendants:
        for page in pages:
            episodes += EpisodePage.objects.descendant_of(page).specific()
    refused = {}
    for episode in episodes:
        latest = episode.specific.get_latest_revision_as_object()
        names = speakers_without_consent(latest.speakers.all())
        if names:
            refused[latest.title] = names
    return refused


@hooks.register("insert_global_admin_css")
def editor_stylesheet():
    """Long titles wrap in the admin's headers, breadcrumbs and listings instead of being cut."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def audio_facts_script():
    """An audio file's facts shown as soon as it is chosen, before it is sent."""
    return format_html('<script src="{}" defer></script>', static("js/admin_audio_facts.js"))


@hooks.register("insert_editor_js")
def autosave_wait_script():
    """An action clicked while an autosave is answering is sent once it has answered."""
    return format_html('<script src="{}" defer></script>', static("js/admin_autosave_wait.js"))
