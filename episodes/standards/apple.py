"""What Apple Podcasts requires and recommends (support pages 823 and 893): its categories, the
4000-byte limit of descriptions, the artwork rules, the audio recommendations. No ORM."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PillowImage

# ------------------------------------------------------------------------------- categories
# Stored as Apple's own English strings, never translated.

APPLE_CATEGORIES = {
    "Arts": ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"],
    "Business": [
        "Careers",
        "Entrepreneurship",
        "Investing",
        "Management",
        "Marketing",
        "Non-Profit",
    ],
    "Comedy": ["Comedy Interviews", "Improv", "Stand-Up"],
    "Education": ["Courses", "How To", "Language Learning", "Self-Improvement"],
    "Fiction": ["Comedy Fiction", "Drama", "Science Fiction"],
    "Government": [],
    "Health & Fitness": [
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ],
    "History": [],
    "Kids & Family": ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"],
    "Leisure": [
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ],
    "Music": ["Music Commentary", "Music History", "Music Interviews"],
    "News": [
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ],
    "Religion & Spirituality": [
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ],
    "Science": [
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ],
    "Society & Culture": [
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ],
    "Sports": [
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ],
    "Technology": [],
    "True Crime": [],
    "TV & Film": ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"],
}

CATEGORY_CHOICES = [(name, name) for name in APPLE_CATEGORIES]

# Grouped by parent so the admin select shows "Business" › "Non-Profit".
SUBCATEGORY_CHOICES = [
    (parent, [(sub, sub) for sub in subs]) for parent, subs in APPLE_CATEGORIES.items() if subs
]


def is_valid_category(category, subcategory=""):
    """Whether Apple lists this category, and this subcategory under it (if one is given)."""
    if category not in APPLE_CATEGORIES:
        return False
    return not subcategory or subcategory in APPLE_CATEGORIES[category]


# ----------------------------------------------------------------------------- descriptions

MAX_DESCRIPTION_BYTES = 4000


def check_description_bytes(value):
    """Apple's limit on descriptions is counted in UTF-8 bytes, not characters."""
    size = len(value.encode("utf-8"))
    if size > MAX_DESCRIPTION_BYTES:
        raise ValidationError(
            gettext_lazy("%(size)s octets : la limite d'Apple est de %(limit)s octets (UTF-8)."),
            params={"size": size, "limit": MAX_DESCRIPTION_BYTES},
        )


# ---------------------------------------------------------------------------------- artwork
# JPEG or PNG, RGB, square, 1400 to 3000 pixels.

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


def artwork_field_errors(image, field_name):
    """The artwork errors of a model's image field, keyed for ValidationError ({} when none)."""
    errors = image_artwork_errors(image) if image else []
    return {field_name: errors} if errors else {}


# ------------------------------------------------------------------------------------ audio
# Apple's recommendations (kbit/s by channel count): other values play, but sound worse or weigh
# more than needed.
RECOMMENDED_KBITS = {1: (96, 128), 2: (128, 256)}
RECOMMENDED_SAMPLE_RATES = (44100, 48000)


def audio_warnings(facts):
    """French warnings, which do not block, when audio facts (AudioFacts or AudioFile) are
    outside Apple's recommendations: mono 96–128 or stereo 128–256 kbit/s, at 44.1 or 48 kHz."""
    warnings = []
    if facts.channels not in RECOMMENDED_KBITS:
        warnings.append(
            _("%(channels)s canaux : Apple recommande le mono (voix) ou la stéréo.")
            % {"channels": facts.channels}
        )
    elif advice := bitrate_advice(round(facts.bitrate / 1000), facts.channels):
        warnings.append(advice)
    if facts.sample_rate not in RECOMMENDED_SAMPLE_RATES:
        warnings.append(
            _(
                "Fréquence d'échantillonnage de %(rate)s Hz : Apple recommande 44 100 Hz ou "
                "48 000 Hz."
            )
            % {"rate": f"{facts.sample_rate:,}".replace(",", " ")}
        )
    return warnings


def bitrate_advice(kbits, channels):
    low, high = RECOMMENDED_KBITS[channels]
    layout = _("mono") if channels == 1 else _("stéréo")
    params = {"kbits": kbits, "low": low, "high": high, "layout": layout}
    if kbits < low:
        return (
            _(
                "Débit de %(kbits)s kbit/s : Apple recommande %(low)s à %(high)s kbit/s en "
                "%(layout)s. Le son risque d'être de mauvaise qualité."
            )
            % params
        )
    if kbits > high:
        return (
            _(
                "Débit de %(kbits)s kbit/s : Apple recommande %(low)s à %(high)s kbit/s en "
                "%(layout)s. Le fichier est plus lourd que nécessaire à télécharger."
            )
            % params
        )
    return None
