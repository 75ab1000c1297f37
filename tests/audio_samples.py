"""Real audio for tests: MP3s encoded with lameenc, AAC in M4A by FFmpeg's own encoder through
PyAV, WAVs written with the stdlib, tags by mutagen.

Formats we do not encode here (ALAC, Ogg, FLAC…) are tiny files in tests/data/, made once with
ffmpeg (see tests/data/README.md).
"""

import array
import io
import math
import sys
import tempfile
import wave
from pathlib import Path

import av
import lameenc
from mutagen.apev2 import APEv2
from mutagen.id3 import CHAP, CTOC, ID3, TIT2, WXXX, CTOCFlags
from mutagen.mp3 import MPEGFrame

DATA = Path(__file__).parent / "data"


def sine_pcm(seconds, *, sample_rate=44100, channels=1, frequency=440, amplitude=12000) -> bytes:
    """Signed 16-bit little-endian PCM of a sine tone, interleaved when stereo."""
    # An integer frequency repeats exactly every second: compute one second, then repeat it.
    one_second = array.array(
        "h",
        (
            round(amplitude * math.sin(2 * math.pi * frequency * i / sample_rate))
            for i in range(sample_rate)
            for _channel in range(channels)
        ),
    )
    if sys.byteorder == "big":
        one_second.byteswap()
    whole, fraction = divmod(seconds, 1)
    tail = round(fraction * sample_rate) * channels * 2
    return one_second.tobytes() * int(whole) + one_second.tobytes()[:tail]


def encode_mp3(seconds=2.0, *, sample_rate=44100, channels=1, bitrate=128, dbfs=None) -> bytes:
    """An MP3 of a sine tone, encoded by LAME through lameenc (no Xing/Info header); a 1 kHz
    tone at `dbfs` (peak, dB of full scale) when given, measuring about dbfs − 3 LUFS."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_channels(channels)
    encoder.set_quality(7)  # fast; the tone's quality does not matter here
    tone = (
        {} if dbfs is None else {"frequency": 1000, "amplitude": round(32767 * 10 ** (dbfs / 20))}
    )
    pcm = sine_pcm(seconds, sample_rate=sample_rate, channels=channels, **tone)
    return bytes(encoder.encode(pcm) + encoder.flush())


def encode_m4a(seconds=2.0, *, sample_rate=44100, bitrate=64000, faststart=True) -> bytes:
    """AAC-LC in an M4A file, as an editor's software exports it: FFmpeg's AAC encoder and MP4
    muxer (PyAV); faststart puts the moov box before the audio data (mdat), else after it."""
    pcm = sine_pcm(seconds, sample_rate=sample_rate)
    step = 2 * sample_rate  # one second of 16-bit mono samples at a time
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "episode.m4a"  # faststart rewrites the file: it needs a real one
        options = {"movflags": "+faststart"} if faststart else {}
        with av.open(str(path), mode="w", format="ipod", options=options) as container:
            stream = container.add_stream("aac", rate=sample_rate, layout="mono")
            stream.bit_rate = bitrate
            to_float = av.AudioResampler(format="fltp", layout="mono", rate=sample_rate)
            for start in range(0, len(pcm), step):
                chunk = pcm[start : start + step]
                frame = av.AudioFrame(format="s16", layout="mono", samples=len(chunk) // 2)
                frame.planes[0].update(chunk)
                frame.sample_rate, frame.pts = sample_rate, start // 2
                for converted in to_float.resample(frame):
                    container.mux(stream.encode(converted))
            container.mux(stream.encode(None))
        return path.read_bytes()


def wav_bytes(seconds=1.0, *, sample_rate=44100, channels=1) -> bytes:
    """A WAV file of a sine tone, written by the stdlib wave module."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(sine_pcm(seconds, sample_rate=sample_rate, channels=channels))
    return buffer.getvalue()


def id3v2_tag(title="Épisode 1") -> bytes:
    """An ID3v2.4 tag with a title, as podcast editors write before the audio."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    buffer = io.BytesIO()
    tags.save(buffer)
    return buffer.getvalue()


def id3_chapters_tag(chapters, *, table_of_contents=True) -> bytes:
    """An ID3v2.4 tag with chapters, (start s, end s, title, url) tuples, and their table of
    contents (which holds 255 chapters at most)."""
    tags = ID3()
    ids = [f"chp{index}" for index in range(len(chapters))]
    flags = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    if table_of_contents:
        tags.add(CTOC(element_id="toc", flags=flags, child_element_ids=ids, sub_frames=[]))
    for element_id, (start, end, title, url) in zip(ids, chapters, strict=True):
        sub_frames = [TIT2(encoding=3, text=title)] + ([WXXX(encoding=3, url=url)] if url else [])
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=round(start * 1000),
                end_time=round(end * 1000),
                sub_frames=sub_frames,
            )
        )
    buffer = io.BytesIO()
    tags.save(buffer)
    return buffer.getvalue()


def id3v1_tag(title="Episode 1") -> bytes:
    """A 128-byte ID3v1 tag, as old tools append after the audio."""
    return b"TAG" + title.encode("latin-1").ljust(30, b"\0") + bytes(95)


def with_apev2_tag(data, title="Episode 1") -> bytes:
    """The file with an APEv2 tag appended by mutagen."""
    buffer = io.BytesIO(data)
    tags = APEv2()
    tags["Title"] = title
    tags.save(buffer)
    return buffer.getvalue()


def frame_offsets(data, start=0) -> list[int]:
    """Where each MPEG frame of an MP3 starts, read with mutagen's frame header parser."""
    offsets, view = [], io.BytesIO(data)
    while start < len(data):
        offsets.append(start)
        view.seek(start)
        MPEGFrame(view)
        start = view.tell()
    return offsets


def fixture(name) -> bytes:
    """The bytes of a committed file in tests/data/."""
    return (DATA / name).read_bytes()
