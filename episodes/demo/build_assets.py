#!/usr/bin/env python3
"""Regenerate the demo assets of Radio des Territoires (audio, transcripts,
chapters, artwork) from the episode scripts defined below.

Build-time tools only (not needed at runtime): espeak-ng, sox, lame, Pillow and
fonts-dejavu-core.  Run:  .venv/bin/python episodes/demo/build_assets.py
"""

import json
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ASSETS = Path(__file__).resolve().parent / "assets"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GAP_SECONDS = 0.4
SPEECH_RATE = "150"  # espeak-ng words per minute
SHOW_TITLE = "Radio des Territoires"
SHOW_SUBTITLE = "Témoignages de l'économie sociale et solidaire"
FORUM = "Forum national des associations et des fondations"
HOST, ETIENNE, JACQUES = "Claire Martin", "Etienne Hirschauer", "Jacques Grimont"
VINCENT, CHRISTOPHER, JEAN_MICHEL = "Vincent Bel", "Christopher Charton", "Jean-Michel Ricard"
ANNE, DANIEL = "Anne Delhomme", "Daniel Lafranche"

# espeak-ng voice (French + variant) per speaker; the host is a woman voice.
VOICES = {
    HOST: "fr+f3",
    ETIENNE: "fr+m3",
    JACQUES: "fr+m5",
    VINCENT: "fr+m3",
    CHRISTOPHER: "fr+m7",
    JEAN_MICHEL: "fr+m5",
    ANNE: "fr+f5",
    DANIEL: "fr+m7",
}
# Written form (kept in the transcript) -> form espeak-ng pronounces better.
SPOKEN = {
    "Wimoov": "Ouimouv",
    "Hirschauer": "Irchaouère",
    "DEEE": "dé trois e",
    "e-commerce": "i-commerce",
    "big data": "bigue dèta",
    "marketplace": "marquette plèce",
    "Christopher": "Christophère",
}
THEME_COLOURS = {
    "Économie circulaire": (46, 184, 114),
    "Habitat inclusif": (245, 156, 50),
    "Travail adapté": (98, 146, 240),
}
WELCOME = f"Bienvenue sur Radio des Territoires, au {FORUM}"

# key -> (title, theme, [(chapter title, [(speaker, sentence), ...]), ...])
EPISODES = {
    "ecodair": (
        "Ecodair : le choix vertueux du reconditionné",
        "Économie circulaire",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"Bonjour et bienvenue sur Radio des Territoires. "
                        "Nous sommes le 13 novembre "
                        f"2024, au {FORUM}, au Palais des Congrès de Paris.",
                    ),
                    (HOST, f"J'accueille {ETIENNE}, président du Groupe Ecodair."),
                ],
            ),
            (
                "Le reconditionnement",
                [
                    (
                        ETIENNE,
                        "Chez Ecodair, nous reconditionnons des ordinateurs portables, "
                        "des PC fixes et des smartphones.",
                    ),
                    (
                        ETIENNE,
                        "Nous collectons et recyclons aussi le matériel informatique, "
                        "dans le cadre "
                        "de la directive européenne sur les déchets d'équipements électriques "
                        "et électroniques, les DEEE.",
                    ),
                ],
            ),
            (
                "L'emploi et l'insertion",
                [
                    (
                        ETIENNE,
                        "Et surtout, nous employons des personnes en situation de handicap "
                        "psychique ou en parcours d'insertion.",
                    ),
                    (HOST, f"Merci {ETIENNE}, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
    "yoti": (
        "Yoti : la seconde vie des jouets",
        "Économie circulaire",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"Toujours au {FORUM}, place à l'économie circulaire avec {JACQUES}, "
                        "co-fondateur de Yoti.",
                    )
                ],
            ),
            (
                "La collecte",
                [
                    (
                        JACQUES,
                        "Chez Yoti, nous collectons des jouets auprès de donateurs, mais aussi "
                        "d'écoles, de crèches et d'entreprises.",
                    ),
                    (JACQUES, "Notre idée est simple : offrir une seconde vie à ces jouets."),
                ],
            ),
            (
                "Le reconditionnement et la vente",
                [
                    (
                        JACQUES,
                        "Pour les reconditionner, nous misons sur l'industrialisation, "
                        "l'intelligence artificielle et le big data.",
                    ),
                    (
                        JACQUES,
                        "Ensuite, les jouets sont vendus sur notre site d'e-commerce "
                        "et sur une marketplace.",
                    ),
                    (HOST, f"Merci {JACQUES}, et longue vie aux jouets de Yoti !"),
                ],
            ),
        ],
    ),
    "habitat-inclusif": (
        "Handicap et bien-vieillir : repenser le logement avec l'habitat inclusif",
        "Habitat inclusif",
        [
            (
                "Introduction",
                [
                    (HOST, f"{WELCOME} 2022."),
                    (
                        HOST,
                        "Comment repenser le logement face au handicap et au vieillissement ? "
                        "Trois invités nous parlent d'habitat inclusif.",
                    ),
                ],
            ),
            (
                "Béguinage et colocation",
                [
                    (
                        VINCENT,
                        f"Je suis {VINCENT}, président de Vivre en béguinage. Le béguinage, "
                        "c'est un habitat fondé sur l'accompagnement et le lien social.",
                    ),
                    (
                        CHRISTOPHER,
                        f"Je suis {CHRISTOPHER}, co-fondateur du club des six. Chaque "
                        "colocation réunit six adultes en situation de handicap, dans des "
                        "logements partagés et accompagnés.",
                    ),
                ],
            ),
            (
                "Bouger pour bien vieillir",
                [
                    (
                        JEAN_MICHEL,
                        f"Je suis {JEAN_MICHEL}, président de Siel Bleu. Depuis 1997, nous "
                        "faisons de l'activité physique une offre thérapeutique.",
                    ),
                    (HOST, "Merci à tous les trois, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
    "wimoov": (
        "Wimoov : la mobilité inclusive pour accéder à l'emploi",
        "Travail adapté",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"{WELCOME} 2021. Nous recevons {ANNE}, directrice générale déléguée "
                        "de Wimoov.",
                    )
                ],
            ),
            (
                "La mobilité inclusive",
                [
                    (
                        ANNE,
                        "Chez Wimoov, nous agissons pour la mobilité inclusive, pour que chacun "
                        "puisse accéder à l'emploi.",
                    ),
                    (
                        ANNE,
                        "En 2020, nous avons accompagné 14 448 personnes, dans 51 départements.",
                    ),
                ],
            ),
            (
                "Le financement",
                [
                    (ANNE, "En 2018, nous avons signé notre premier contrat d'impact."),
                    (
                        ANNE,
                        "Puis est venu le fonds i, et enfin un investissement direct "
                        "de la Banque des Territoires.",
                    ),
                    (HOST, f"Merci {ANNE}, et bonne route à Wimoov !"),
                ],
            ),
        ],
    ),
    "bretagne-ateliers": (
        "Bretagne Ateliers : l'entreprise adaptée industrielle",
        "Travail adapté",
        [
            (
                "Introduction",
                [
                    (
                        HOST,
                        f"{WELCOME} 2021. Nous parlons de travail adapté avec {DANIEL}, "
                        "directeur général de Bretagne Ateliers.",
                    )
                ],
            ),
            (
                "Une entreprise adaptée industrielle",
                [
                    (
                        DANIEL,
                        "Bretagne Ateliers est une entreprise adaptée industrielle, implantée "
                        "en Ille-et-Vilaine et dans les Côtes d'Armor.",
                    ),
                    (DANIEL, "Nous existons depuis 1975."),
                ],
            ),
            (
                "La dignité par l'emploi",
                [
                    (
                        DANIEL,
                        "Notre mission : permettre à des adultes en situation de handicap "
                        "de retrouver leur dignité grâce à l'emploi.",
                    ),
                    (HOST, f"Merci {DANIEL}, et à bientôt sur Radio des Territoires !"),
                ],
            ),
        ],
    ),
}

# ------------------------------------------------------------------ audio --


def run(*args):
    subprocess.run([str(arg) for arg in args], check=True, stdout=subprocess.DEVNULL)


def synthesise(speaker, text, path):
    """Speak one sentence into a WAV file; return (frame count, sample rate)."""
    for written, spoken in SPOKEN.items():
        text = text.replace(written, spoken)
    raw = path.with_suffix(".raw.wav")
    run("espeak-ng", "-v", VOICES[speaker], "-s", SPEECH_RATE, "-w", raw, text)
    # espeak-ng ends each sentence with ~0.35 s of silence: trim it so cues end with the voice.
    run("sox", raw, path, "reverse", "silence", "1", "0.01", "0.1%", "reverse")
    with wave.open(str(path)) as wav:
        return wav.getnframes(), wav.getframerate()


def build_audio(key, chapters, workdir):
    """Synthesise, join and encode one episode; return (cues, chapter marks) in seconds."""
    cues, marks, clips, position, rate = [], [], [], 0, 1
    for title, lines in chapters:
        marks.append((title, position))
        for speaker, text in lines:
            clip = workdir / f"{key}-{len(cues):02d}.wav"
            frames, rate = synthesise(speaker, text, clip)
            clips.append(clip)
            cues.append((position, position + frames, speaker, text))
            position += frames + round(GAP_SECONDS * rate)
    silence, joined = workdir / "silence.wav", workdir / f"{key}.wav"
    run("sox", "-D", "-n", "-r", rate, "-c", "1", "-b", "16", silence, "trim", "0", GAP_SECONDS)
    parts = [part for clip in clips for part in (silence, clip)][1:]
    run("sox", *parts, joined)
    run(
        "lame",
        "--quiet",
        "-m",
        "m",
        "-b",
        "48",
        "--cbr",
        "--resample",
        "44.1",
        joined,
        ASSETS / f"{key}.mp3",
    )
    cues = [(start / rate, end / rate, speaker, text) for start, end, speaker, text in cues]
    return cues, [(title, start / rate) for title, start in marks]


# ------------------------------------------------------ transcripts, chapters --


def timestamp(seconds):
    minutes, millis = divmod(round(seconds * 1000), 60_000)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{millis // 1000:02d}.{millis % 1000:03d}"


def write_vtt(key, cues):
    """One cue per sentence, wrapped in a <v Speaker Name> voice span."""
    blocks = ["WEBVTT"]
    for start, end, speaker, text in cues:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        blocks.append(f"{timestamp(start)} --> {timestamp(end)}\n<v {speaker}>{text}</v>")
    (ASSETS / f"{key}.vtt").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def write_chapters(key, marks):
    """Podcasting 2.0 chapters file (JSON chapters, version 1.2.0)."""
    chapters = [
        {"startTime": round(start, 1) if start else 0, "title": title} for title, start in marks
    ]
    text = json.dumps({"version": "1.2.0", "chapters": chapters}, ensure_ascii=False, indent=2)
    (ASSETS / f"{key}.chapters.json").write_text(text + "\n", encoding="utf-8")


# ---------------------------------------------------------------- artwork --

SIZE, MARGIN = 1400, 110
TOP_COLOUR, BOTTOM_COLOUR, LIGHT = (22, 34, 66), (10, 16, 34), (220, 228, 245)


def font(size, bold=True):
    return ImageFont.truetype(str(FONT_DIR / f"DejaVuSans{'-Bold' if bold else ''}.ttf"), size)


def fit_text(draw, text, size, max_lines, bold=True):
    """Wrap text to the artwork width, shrinking the font until it fits max_lines."""
    face, lines = font(size, bold), [""]
    for word in text.split():
        candidate = f"{lines[-1]} {word}".strip()
        if lines[-1] and draw.textlength(candidate, font=face) > SIZE - 2 * MARGIN:
            lines.append(word)
        else:
            lines[-1] = candidate
    if len(lines) > max_lines and size > 30:
        return fit_text(draw, text, size - 6, max_lines, bold)
    return face, lines


def draw_lines(draw, text, size, top, colour, max_lines, bold=True):
    """Draw wrapped text from `top`; return the y coordinate below it."""
    face, lines = fit_text(draw, text, size, max_lines, bold)
    for line in lines:
        draw.text((MARGIN, top), line, font=face, fill=colour)
        top += round(face.size * 1.12)
    return top


def canvas(accent):
    """Vertical gradient background with radio-wave arcs in the accent colour."""
    image = Image.new("RGB", (SIZE, SIZE))
    draw = ImageDraw.Draw(image)
    for y in range(SIZE):
        pairs = zip(TOP_COLOUR, BOTTOM_COLOUR, strict=True)
        colour = tuple(round(top + (bottom - top) * y / SIZE) for top, bottom in pairs)
        draw.line([(0, y), (SIZE, y)], fill=colour)
    x, y = SIZE - 170, 260
    draw.ellipse([x - 34, y - 34, x + 34, y + 34], fill=accent)
    for radius in (90, 150, 210):
        draw.arc([x - radius, y - radius, x + radius, y + radius], 100, 260, accent, 18)
    draw.rectangle([0, SIZE - 28, SIZE, SIZE], fill=accent)
    return image, draw


def draw_show_artwork():
    accent = (255, 196, 61)
    image, draw = canvas(accent)
    bottom = draw_lines(draw, SHOW_TITLE, 190, 500, (255, 255, 255), 3)
    draw.rectangle([MARGIN, bottom + 40, MARGIN + 220, bottom + 56], fill=accent)
    draw_lines(draw, SHOW_SUBTITLE, 64, bottom + 110, LIGHT, 3, bold=False)
    image.save(ASSETS / "artwork" / "show.png", optimize=True)


def draw_episode_artwork(key, title, theme):
    """Theme pill, short title, tagline (the part after " : ") and show name."""
    accent = THEME_COLOURS[theme]
    image, draw = canvas(accent)
    width = draw.textlength(theme, font=font(44))
    draw.rounded_rectangle([MARGIN, MARGIN, MARGIN + width + 64, MARGIN + 84], 42, accent)
    draw.text((MARGIN + 32, MARGIN + 42), theme, BOTTOM_COLOUR, font(44), anchor="lm")
    short_title, _, tagline = title.partition(" : ")
    bottom = draw_lines(draw, short_title, 150, 480, (255, 255, 255), 3)
    draw_lines(draw, tagline[:1].upper() + tagline[1:], 70, bottom + 50, accent, 4, bold=False)
    draw.text((MARGIN, SIZE - 110), SHOW_TITLE.upper(), LIGHT, font(46), anchor="ls")
    image.save(ASSETS / "artwork" / f"{key}.png", optimize=True)


# ------------------------------------------------------------------- main --


def main():
    (ASSETS / "artwork").mkdir(parents=True, exist_ok=True)
    draw_show_artwork()
    with tempfile.TemporaryDirectory() as tmp:
        for key, (title, theme, chapters) in EPISODES.items():
            cues, marks = build_audio(key, chapters, Path(tmp))
            write_vtt(key, cues)
            write_chapters(key, marks)
            draw_episode_artwork(key, title, theme)
            print(f"{key}: {len(cues)} cues, speech ends at {cues[-1][1]:.3f} s")


if __name__ == "__main__":
    main()
