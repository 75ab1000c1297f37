"""The audio rows of the bench: measuring a one-hour MP3's loudness, true peak and waveform peaks
(one decoding pass, episodes/formats/measuring.py), its time and its memory.

`python -m tests.bench --audio-only`. The one-hour MP3 (stereo, 44.1 kHz, 128 kbit/s, voice-band
noise in syllables with pauses) is encoded once with lameenc and cached in the temporary folder.
Each measure runs in a fresh process, so that its peak RSS is its own.
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
TARGETS = "targets: ≤ 20 s for the hour; memory bounded (does not grow with the length)"


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


def measure_in_this_process(path, traced):
    """Measure the file; print seconds, the results and (when traced) tracemalloc's peak."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from episodes.formats.measuring import measure_audio

    if traced:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    with open(path, "rb") as fileobj:
        measures = measure_audio(fileobj, expected_seconds=SECONDS)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    result = {
        "seconds": seconds,
        "cpu": cpu,
        "traced_peak": peak,
        "lufs": measures.integrated_loudness,
    }
    result |= {"dbtp": measures.true_peak, "pairs": len(measures.peaks)}
    print(json.dumps(result))


def measure_in_child(path, traced):
    """The child's printed figures and its own peak RSS (KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.audio", str(path)] + (["--traced"] if traced else []),
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["rss_kib"] = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return figures


def run_and_print():
    start = time.perf_counter()
    path = one_hour_mp3()
    prepared = time.perf_counter() - start
    timed = measure_in_child(path, traced=False)
    traced = measure_in_child(path, traced=True)
    size = path.stat().st_size / 1024**2
    print(f"\nMeasuring a one-hour MP3 ({size:.1f} MiB, stereo 44.1 kHz, 128 kbit/s; "
          f"encoded or found in cache in {prepared:.0f} s)")  # fmt: skip
    print(f"  {'what':<44} | {'value':>12}")
    rows = [
        ("loudness + true peak + peaks, one pass (wall)", f"{timed['seconds']:.1f} s"),
        ("the same, CPU time of the process", f"{timed['cpu']:.1f} s"),
        ("peak RSS of the measuring process", f"{timed['rss_kib'] / 1024:.0f} MiB"),
        ("tracemalloc peak (Python + numpy)", f"{traced['traced_peak'] / 1024**2:.1f} MiB"),
        ("integrated loudness", f"{timed['lufs']:.1f} LUFS"),
        ("true peak", f"{timed['dbtp']:.1f} dBTP"),
        ("waveform [min, max] pairs", f"{timed['pairs']}"),
    ]
    for name, value in rows:
        print(f"  {name:<44} | {value:>12}")
    print(TARGETS)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        measure_in_this_process(sys.argv[1], "--traced" in sys.argv)
    else:
        run_and_print()
