"""The audio rows of the bench: measuring a one-hour MP3's loudness, true peak and waveform peaks
(one decoding pass, episodes/formats/measuring.py), its time and its memory.

`python -m tests.bench --audio-only` prints a table: CPU and wall seconds, peak RSS and
tracemalloc's peak for the hour and for its first six minutes (memory must not grow with the
length), against the 20 s target, then the hour's CPU time by stage. The one-hour MP3 (stereo,
44.1 kHz, 128 kbit/s, voice-band noise in syllables with pauses) is encoded once with lameenc
and cached in the temporary folder. Each measure runs in a fresh process, so that its peak RSS
is its own.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SECONDS = 3600
SAMPLE_RATE = 44100
TARGETS = "targets: ≤ 20 s (CPU and wall) for the hour; memory bounded: the same for 6 min and 1 h"


def one_hour_mp3():
    """The cached one-hour MP3, encoded on first use (a minute or two)."""
    path = Path(tempfile.gettempdir()) / "radio-bench-audio" / "one-hour-voice-stereo-128k.mp3"
    if path.exists():
        return path
    import lameenc
    import numpy as np

    path.parent.mkdir(exist_ok=True)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(128)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(2)
    encoder.set_quality(7)
    generator = np.random.default_rng(15)
    partial = path.with_suffix(".part")
    with partial.open("wb") as output:
        for _second in range(0, SECONDS, 10):
            output.write(encoder.encode(speech_like(generator, 10).tobytes()))
        output.write(encoder.flush())
    partial.rename(path)
    return path


def speech_like(generator, seconds):
    """Stereo int16 like a voice: noise band-limited to 150–3,500 Hz, in syllables of 200 ms
    with pauses, about −20 LUFS with peaks near −7 dBFS."""
    import numpy as np
    from scipy.signal import butter, sosfilt

    frames = seconds * SAMPLE_RATE
    band = butter(2, [150, 3500], btype="bandpass", fs=SAMPLE_RATE, output="sos")
    voice = sosfilt(band, generator.normal(0, 0.25, (2, frames)), axis=-1)
    syllables = generator.uniform(0, 1, seconds * 5).repeat(SAMPLE_RATE // 5)[:frames]
    envelope = np.where(syllables > 0.2, 0.3 + 0.7 * syllables, 0.0)
    return np.clip(voice * envelope * 32767, -32767, 32767).T.astype("<i2")


def measure_in_this_process(path, traced, expected_seconds):
    """Measure the file; print seconds, the results and (when traced) tracemalloc's peak."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from episodes.formats.measuring import measure_audio

    imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # numpy, scipy, soundfile
    if traced:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    # By path, as the task does with the default storage (local media).
    measures = measure_audio(path, expected_seconds=expected_seconds)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    result = {
        "seconds": seconds,
        "cpu": cpu,
        "traced_peak": peak,
        "lufs": measures.integrated_loudness,
    }
    result |= {"dbtp": measures.true_peak, "pairs": len(measures.peaks)}
    result["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # this process's peak
    result["imported_kib"] = imported
    print(json.dumps(result))


def stages_in_this_process(path):
    """CPU seconds of each stage of measure_audio's pass (decoding, then each meter's feed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import soundfile

    from episodes.formats.loudness import LoudnessMeter, TruePeakMeter
    from episodes.formats.measuring import decoded_blocks
    from episodes.formats.waveform import PeakCollector

    with soundfile.SoundFile(path) as sound:
        stages = {"decoding (libsndfile's MP3 decoder)": decoded_blocks(sound)}
        meters = {
            "K-weighting and gating (loudness)": LoudnessMeter(sound.samplerate, sound.channels),
            "true peak (4× oversampling)": TruePeakMeter(sound.channels),
            "waveform peaks": PeakCollector(SECONDS * sound.samplerate),
        }
        cpu = dict.fromkeys([*stages, *meters], 0.0)
        blocks = iter(stages["decoding (libsndfile's MP3 decoder)"])
        while True:
            started = time.process_time()
            block = next(blocks, None)
            cpu["decoding (libsndfile's MP3 decoder)"] += time.process_time() - started
            if block is None:
                break
            for name, meter in meters.items():
                started = time.process_time()
                meter.feed(block)
                cpu[name] += time.process_time() - started
    print(json.dumps(cpu))


def in_child(path, *options, seconds=SECONDS):
    """The figures a fresh process printed (its last line, JSON)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.audio", str(path), str(seconds), *options],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_tenth(path):
    """The first tenth of the hour (6 minutes): an MP3 cut between frames stays an MP3."""
    short = path.with_name("first-six-minutes.mp3")
    if not short.exists():
        short.write_bytes(path.read_bytes()[: path.stat().st_size // 10])
    return short


def run_and_print():
    start = time.perf_counter()
    path = one_hour_mp3()
    prepared = time.perf_counter() - start
    load_before = os.getloadavg()[0]
    rows = {}
    for name, audio, seconds in (("6 minutes", first_tenth(path), 360), ("1 hour", path, 3600)):
        timed, traced = (
            in_child(audio, seconds=seconds),
            in_child(audio, "--traced", seconds=seconds),
        )
        rows[name] = timed | {"rss_mib": timed["rss_kib"] / 1024}
        rows[name]["imported_mib"] = timed["imported_kib"] / 1024
        rows[name]["traced_mib"] = traced["traced_peak"] / 2**20
    stages = in_child(path, "--stages")
    print_table(path, prepared, rows, stages)
    print(TARGETS)
    print(f"load average: {load_before:.1f} before, {os.getloadavg()[0]:.1f} at the end, "
          f"on {os.cpu_count()} cores")  # fmt: skip


COLUMNS = [  # heading (its width is the column's), key, format
    (" CPU s", "cpu", ".1f"),
    ("wall s", "seconds", ".1f"),
    ("peak RSS MiB", "rss_mib", ".0f"),
    ("of it imports", "imported_mib", ".0f"),
    ("traced MiB", "traced_mib", ".1f"),
    ("  LUFS", "lufs", ".1f"),
    ("  dBTP", "dbtp", ".1f"),
    ("pairs", "pairs", "d"),
]


def print_table(path, prepared, rows, stages):
    """One row per measured file against the 20 s target, then the hour's stages."""
    size = path.stat().st_size / 1024**2
    print(f"\nMeasuring an MP3's loudness, true peak and waveform in one pass ({size:.1f} MiB "
          f"for the hour, stereo 44.1 kHz, 128 kbit/s, voice-like; encoded or found in cache in "
          f"{prepared:.0f} s)")  # fmt: skip
    headings = " | ".join(heading for heading, _key, _format in COLUMNS)
    print(f"  {'audio':<10} | {headings} | ≤ 20 s")
    for name, row in rows.items():
        cells = " | ".join(f"{row[key]:>{len(head)}{form}}" for head, key, form in COLUMNS)
        verdict = "yes" if max(row["seconds"], row["cpu"]) <= 20 else "NO"
        print(f"  {name:<10} | {cells} | {verdict}")
    print("  CPU seconds of the hour by stage (a separate run):")
    for name, seconds in stages.items():
        print(f"    {name:<40} {seconds:>6.1f}")


if __name__ == "__main__":
    if "--stages" in sys.argv:
        stages_in_this_process(sys.argv[1])
    elif len(sys.argv) > 1:
        measure_in_this_process(sys.argv[1], "--traced" in sys.argv, float(sys.argv[2]))
    else:
        run_and_print()
