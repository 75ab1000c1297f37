"""Files an editor chose before a save that failed elsewhere: a browser cannot fill a file input
again, so the file is kept on the server for a day and the editor's form carries a signed token
naming it. Without a working cache, the editor is asked, in French, to choose the file again."""

import logging
import secrets

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

KEEP_SECONDS = 24 * 3600
SALT = "episodes.editor.kept_uploads"
TOKEN_SUFFIX = "-kept"


def keep(upload):
    """Store an uploaded file; the signed token to send back, or None if it cannot be kept."""
    key = secrets.token_urlsafe(24)
    upload.seek(0)
    try:
        cache.set(f"kept-upload:{key}", upload.read(), KEEP_SECONDS)
    except Exception:  # a cache that is down only loses the convenience
        logger.warning("Fichier « %s » non conservé : cache indisponible.", upload.name)
        return None
    finally:
        upload.seek(0)
    return signing.dumps({"key": key, "name": upload.name}, salt=SALT)


def restore(token):
    """The file a token names: (file name, upload), the upload None if the kept file is gone;
    None for a forged or outdated token."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEEP_SECONDS)
        key, name = kept["key"], kept["name"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    try:
        content = cache.get(f"kept-upload:{key}")
    except Exception:
        logger.warning("Fichier conservé « %s » illisible : cache indisponible.", name)
        content = None
    return name, None if content is None else SimpleUploadedFile(name, content)


class KeptFileInput(forms.FileInput):
    """A file input that also sends back the file kept from the previous, failed, save, and says
    which file that is."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.kept = None  # (token, file name) once the form keeps the file
        self.lost = None  # the name of a kept file that could not be read back

    def value_from_datadict(self, data, files, name):
        upload = files.get(name)
        if upload is None and data.get(name + TOKEN_SUFFIX):
            file_name, upload = restore(data[name + TOKEN_SUFFIX]) or (None, None)
            self.lost = file_name if upload is None else None
        return upload

    def value_omitted_from_data(self, data, files, name):
        return name not in files and not data.get(name + TOKEN_SUFFIX)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.kept:
            return html
        token, file_name = self.kept
        note = _(
            "Fichier « %(name)s » conservé : il sera pris en compte à l'enregistrement. "
            "Choisissez un autre fichier pour le remplacer."
        ) % {"name": file_name}
        return format_html(
            '{}<input type="hidden" name="{}" value="{}"><p class="help kept-upload">{}</p>',
            html,
            name + TOKEN_SUFFIX,
            token,
            note,
        )


def refuse_lost_files(form, field_names):
    """A kept file that could not be read back (cache emptied): the save fails, asking for it."""
    for name in field_names:
        lost = form.fields[name].widget.lost
        if lost:
            form.add_error(name, ask_again_message(lost))


def keep_or_ask_again(form, name, *, keep_file=True):
    """After a failed save, keep the file chosen in this field if it was accepted (else say in
    the field's errors that it must be chosen again). keep_file=False: the accepted file is shown
    elsewhere in the form (a transcript goes into its text box), only a refused one is asked for."""
    upload = form.fields[name].widget.value_from_datadict(
        form.data, form.files, form.add_prefix(name)
    )
    if not upload:
        return
    if name in form.errors:
        ask_again(form, name, upload)
    elif keep_file:
        token = keep(upload)
        if token:
            form.fields[name].widget.kept = (token, upload.name)
        else:
            ask_again(form, name, upload)


def ask_again(form, name, upload):
    if ask_again_message(upload.name) not in form.errors.get(name, []):
        form.add_error(name, ask_again_message(upload.name))


def ask_again_message(file_name):
    return _("Le fichier « %(name)s » n'a pas été conservé : choisissez-le à nouveau.") % {
        "name": file_name
    }
