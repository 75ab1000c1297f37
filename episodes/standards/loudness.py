"""How loud apps want an episode: Apple recommends about −16 LUFS integrated, within a tolerance,
and a true peak of −1 dBTP at most; Spotify plays episodes at −14 LUFS. Warnings in French,
which never block. No ORM."""

from django.utils.translation import gettext as _

APPLE_LOUDNESS = -16.0  # LUFS
TOLERANCE = 2.0  # LU on either side
SPOTIFY_LOUDNESS = -14.0  # LUFS
MAX_TRUE_PEAK = -1.0  # dBTP


def decibels(value):
    """« −24,3 »: one decimal, a French comma and a true minus sign."""
    return f"{value:.1f}".replace(".", ",").replace("-", "\u2212")


def target(value):
    """« −16 »: a target, a whole number of decibels."""
    return decibels(value).removesuffix(",0")


def loudness_warnings(integrated, true_peak):
    """French warnings for an integrated loudness (LUFS) and a true peak (dBTP) outside Apple's
    recommendations; nothing when they were not measured."""
    warnings = []
    params = {
        "lufs": decibels(integrated or 0),
        "apple": target(APPLE_LOUDNESS),
        "spotify": target(SPOTIFY_LOUDNESS),
    }
    if integrated is not None and integrated < APPLE_LOUDNESS - TOLERANCE:
        warnings.append(
            _(
                "Trop faible : %(lufs)s LUFS (Apple recommande %(apple)s LUFS ; Spotify diffuse "
                "à %(spotify)s LUFS). Les auditeurs devront monter le son : normalisez l'épisode "
                "à %(apple)s LUFS avant de l'exporter."
            )
            % params
        )
    elif integrated is not None and integrated > APPLE_LOUDNESS + TOLERANCE:
        warnings.append(
            _(
                "Trop fort : %(lufs)s LUFS (Apple recommande %(apple)s LUFS ; Spotify diffuse "
                "à %(spotify)s LUFS et baissera le volume). Normalisez l'épisode à %(apple)s LUFS "
                "avant de l'exporter."
            )
            % params
        )
    if true_peak is not None and true_peak > MAX_TRUE_PEAK:
        warnings.append(
            _(
                "Crête réelle trop haute : %(peak)s dBTP (Apple recommande au plus %(max)s dBTP). "
                "Le son risque de saturer une fois encodé par les applications : appliquez un "
                "limiteur à %(max)s dBTP."
            )
            % {"peak": decibels(true_peak), "max": target(MAX_TRUE_PEAK)}
        )
    return warnings
