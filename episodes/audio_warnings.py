"""Warnings, which do not block, on an episode's audio facts outside Apple's recommendations."""

from django.utils.translation import gettext as _

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
    elif bitrate_warning := _bitrate_warning(round(facts.bitrate / 1000), facts.channels):
        warnings.append(bitrate_warning)
    if facts.sample_rate not in RECOMMENDED_SAMPLE_RATES:
        warnings.append(
            _(
                "Fréquence d'échantillonnage de %(rate)s Hz : Apple recommande 44 100 Hz ou "
                "48 000 Hz."
            )
            % {"rate": f"{facts.sample_rate:,}".replace(",", " ")}
        )
    return warnings


def _bitrate_warning(kbits, channels):
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
