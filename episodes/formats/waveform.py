"""An episode's waveform: the lowest and highest sample of each of about 1,500 equal slices of
the audio, in percent of full scale, gathered block by block while the audio is decoded; and
the SVG path the editor draws from them. Pure numpy, no ORM."""

import math

import numpy as np

SLICES = 1500


class PeakCollector:
    """[min, max] pairs (percent, all channels together) of equal slices of a stream of blocks
    (frames × channels, as decoded: a slice is then a run of consecutive values)."""

    def __init__(self, expected_frames, slices=SLICES):
        self.frames_per_slice = max(1, math.ceil(expected_frames / slices))
        self.filled = 0  # values already in the slice under way
        self.low, self.high = math.inf, -math.inf  # of the slice under way
        self.pairs = []

    def feed(self, frames):
        values = np.ascontiguousarray(frames).reshape(-1)
        size = self.frames_per_slice * frames.shape[1]  # values per slice
        first = min(size - self.filled, len(values))  # values that go on with the slice under way
        if first:
            self.low = min(self.low, float(values[:first].min()))
            self.high = max(self.high, float(values[:first].max()))
            self.filled += first
        if self.filled < size:
            return
        self._keep([self.low], [self.high])
        values = values[first:]
        whole = len(values) // size
        if whole:
            shaped = values[: whole * size].reshape(whole, size)
            self._keep(shaped.min(1), shaped.max(1))
        self.low, self.high, self.filled = math.inf, -math.inf, len(values) - whole * size
        if self.filled:
            self.low = float(values[whole * size :].min())
            self.high = float(values[whole * size :].max())

    def _keep(self, lows, highs):
        self.pairs.extend(zip(percent(lows), percent(highs), strict=True))

    def peaks(self):
        """The [min, max] pairs, the last (shorter) slice included."""
        if self.filled:
            self._keep([self.low], [self.high])
            self.low, self.high, self.filled = math.inf, -math.inf, 0
        return [list(pair) for pair in self.pairs]


def percent(values):
    """Whole percents of full scale, within ±100; a slice whose samples are not numbers (NaN
    from a faulty decoder) is drawn as silence rather than cast to an arbitrary integer."""
    values = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    return np.clip(np.round(values * 100), -100, 100).astype(int).tolist()


def svg_path(peaks, height=100):
    """One vertical stroke per slice, from its lowest to its highest sample, in a viewBox of
    len(peaks) × height, the silence line at mid-height."""
    middle = height / 2
    scale = middle / 100
    strokes = []
    for x, (low, high) in enumerate(peaks):
        top = middle - max(high, 0) * scale
        bottom = middle - min(low, 0) * scale
        if bottom - top < 0.5:  # silence still shows as a thin line
            top, bottom = middle - 0.25, middle + 0.25
        strokes.append(f"M{x}.5 {top:.1f}V{bottom:.1f}")
    return "".join(strokes)
