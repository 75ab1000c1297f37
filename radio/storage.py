"""Uploads on a full disk or a storage that is down: no partial file left behind, a French answer
instead of a 500.

An audio or image upload that hits a full disk (or a quota, or a file size limit) used to leave a
0-byte file in MEDIA_ROOT and answer 500. LocalMediaStorage removes what it had begun to write;
StorageFullMiddleware answers 507 in French, and 503 when the object storage does not answer.
The database row is not written: Django saves the file before the row, and Wagtail's admin saves
inside a transaction.
"""

import errno
import logging
import os

from django.core.files.storage import FileSystemStorage
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger("radio.storage")

NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class LocalMediaStorage(FileSystemStorage):
    """Django's local file storage, which removes a file it could not write to the end."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError:
            self.remove_partial(name, content.size)
            raise

    def remove_partial(self, name, expected_size):
        """Remove the file being written under name, if it is there and shorter than the upload
        (a complete file of the same name is another upload's)."""
        path = self.path(name)
        try:
            if os.path.getsize(path) < expected_size:
                os.remove(path)
        except OSError:
            pass


def is_unreachable(error):
    """Whether an exception says the object storage did not answer or refused the request."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:  # the "s3" extra is not installed: no object storage
        return False
    return isinstance(error, BotoCoreError | ClientError)


def is_disk_full(error):
    return isinstance(error, OSError) and error.errno in NO_ROOM


class StorageFullMiddleware:
    """A request whose upload found the disk full gets a French 507, one that found the object
    storage out a French 503; the error logged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_disk_full(exception):
            logger.error("No room left to store an upload (%s): %s", request.path, exception)
            message = _(
                "Le fichier n'a pas été enregistré : l'espace disque du serveur est plein. Rien "
                "n'a été modifié. Réessayez plus tard, ou prévenez l'équipe technique de la radio."
            )
            return storage_error_response(request, message, 507)
        if is_unreachable(exception):
            logger.error("Object storage unreachable (%s): %s", request.path, exception)
            message = _(
                "Le fichier n'a pas été enregistré : le stockage des fichiers ne répond pas. Rien "
                "n'a été modifié. Réessayez dans quelques minutes, ou prévenez l'équipe technique "
                "de la radio."
            )
            return storage_error_response(request, message, 503)
        return None


def storage_error_response(request, message, status):
    """The French answer to a failed upload: JSON for the admin's uploaders, else a page."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return JsonResponse({"success": False, "error_message": message}, status=status)
    back = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = ""
    context = {"message": message, "back": back}
    return TemplateResponse(request, "507.html", context, status=status)
