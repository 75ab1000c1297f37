"""Apple's artwork rules: JPEG or PNG, RGB, square, 1400 to 3000 pixels."""

from django.utils.translation import gettext as _
from PIL import Image as PillowImage

MIN_SIDE = 1400
MAX_SIDE = 3000


def artwork_errors(fileobj):
    """Why an image file cannot be podcast artwork, as French messages (empty when it can)."""
    try:
        with PillowImage.open(fileobj) as picture:
            image_format, mode, (width, height) = picture.format, picture.mode, picture.size
    except (OSError, ValueError):
        return [_("Ce fichier n'est pas une image lisible.")]
    errors = []
    if image_format not in ("JPEG", "PNG"):
        errors.append(
            _("La pochette doit être au format JPEG ou PNG (format reçu : %(format)s).")
            % {"format": image_format}
        )
    if mode != "RGB":
        errors.append(
            _(
                "La pochette doit être en couleurs RVB, sans transparence ni palette "
                "(mode reçu : %(mode)s)."
            )
            % {"mode": mode}
        )
    if width != height:
        errors.append(
            _("La pochette doit être carrée (reçu : %(width)s × %(height)s pixels).")
            % {"width": width, "height": height}
        )
    elif not MIN_SIDE <= width <= MAX_SIDE:
        errors.append(
            _(
                "La pochette doit mesurer entre %(min)s et %(max)s pixels de côté "
                "(reçu : %(side)s pixels)."
            )
            % {"min": MIN_SIDE, "max": MAX_SIDE, "side": width}
        )
    return errors


def image_artwork_errors(image):
    """artwork_errors() for a Wagtail image, read from its storage."""
    with image.open_file() as fileobj:
        return artwork_errors(fileobj)
