"""One decoding pass over an episode's audio, for what needs the sound itself: integrated loudness,
true peak and the waveform's peaks. Decoded by libsndfile (through soundfile, whose wheels bundle
it with its MP3 decoder) in blocks of a few seconds: memory stays bounded whatever the length.
No ORM, no ffmpeg."""

from dataclasses import dataclass

import numpy as np
import soundfile

from episodes.formats.loudness import LoudnessMeter, TruePeakMeter
from episodes.formats.waveform import PeakCollector

BLOCK_FRAMES = 1 << 18  # about 6 s at 44.1 kHz: 2 MiB of stereo float32 at a time


@dataclass(frozen=True)
class AudioMeasures:
    """What was measured on the decoded sound of an episode."""

    integrated_loudness: float | None  # LUFS, None for silence
    true_peak: float | None  # dBTP, None for silence
    peaks: list  # [[min, max], …] in percent of full scale, about 1,500 pairs


class MeasureUnavailable(Exception):
    """The decoder cannot read this format (AAC/M4A with libsndfile): nothing is measured."""


def decoded_blocks(sound):
    """The decoded sound in float32 blocks of frames × channels, each a view of one reused
    buffer, and only what the decoder gave: libsndfile may announce a few more MP3 frames than
    it decodes, and soundfile's blocks() then hands over the rest of its buffer uninitialized
    (noise, NaN)."""
    buffer = np.empty((BLOCK_FRAMES, sound.channels), dtype=np.float32)
    while len(frames := sound.read(out=buffer)):  # the part of the buffer that was read
        yield frames


def measure_audio(source, *, expected_seconds=0.0) -> AudioMeasures:
    """Measure loudness, true peak and waveform peaks of an audio file in one streaming pass;
    source is a path (libsndfile reads the file itself) or a binary file object (read through
    a Python call for each of libsndfile's small reads: a tenth slower)."""
    rewind = getattr(source, "seek", None)
    if rewind:
        rewind(0)
    try:
        sound = soundfile.SoundFile(source)
    except (soundfile.LibsndfileError, RuntimeError, TypeError) as error:
        raise MeasureUnavailable(str(error)) from error
    with sound:
        frames = expected_seconds * sound.samplerate or sound.frames
        loudness = LoudnessMeter(sound.samplerate, sound.channels)
        true_peak = TruePeakMeter(sound.channels)
        peaks = PeakCollector(frames)
        for block in decoded_blocks(sound):
            loudness.feed(block)
            true_peak.feed(block)
            peaks.feed(block)
    if rewind:
        rewind(0)
    return AudioMeasures(loudness.integrated(), true_peak.true_peak(), peaks.peaks())
