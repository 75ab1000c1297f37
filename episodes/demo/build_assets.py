#!/usr/bin/env python3
"""Regenerate the demo assets of Radio des Territoires (audio, transcripts, chapters, artwork)
from the episode scripts of scripts.py.

Build-time tools only (not needed at runtime): espeak-ng, sox, lame, Pillow and
fonts-dejavu-core.  Run:  .venv/bin/python -m episodes.demo.build_assets
"""

import json
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from episodes.demo.scripts import (
    EPISODES,
    SHOW_SUBTITLE,
    SHOW_TITLE,
    SPOKEN,
    THEME_COLOURS,
    VOICES,
)

ASSETS = Path(__file__).resolve().parent / "assets"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GAP_SECONDS = 0.4
SPEECH_RATE = "150"  # espeak-ng words per minute

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
