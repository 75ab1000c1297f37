"""An episode's waveform: the lowest and highest sample of each of about 1,500 equal slices of
the audio, in percent of full scale, gathered block by block while the audio is decoded; and
the SVG path the editor draws from them. Pure numpy, no ORM."""

import math

import numpy as np

SLICES = 1500


class PeakCollector:
    """[min, max] pairs (percent, all channels together) of equal slices of a stream of blocks
    (channels × frames)."""

    def __init__(self, expected_frames, slices=SLICES):
        self.frames_per_slice = max(1, math.ceil(expected_frames / slices))
        self.filled = 0  # frames already in the slice under way
        self.low, self.high = math.inf, -math.inf  # of the slice under way
        self.pairs = []

    def feed(self, block):
        lows, highs = block.min(axis=0), block.max(axis=0)  # across channels, frame by frame
        size = self.frames_per_slice
        first = min(size - self.filled, len(lows))  # frames that go on with the slice under way
        if first:
            self.low = min(self.low, float(lows[:first].min()))
            self.high = max(self.high, float(highs[:first].max()))
            self.filled += first
        if self.filled < size:
            return
        self._keep([self.low], [self.high])
        lows, highs = lows[first:], highs[first:]
        whole = len(lows) // size
        if whole:
            shape = (whole, size)
            self._keep(
                lows[: whole * size].reshape(shape).min(1),
                highs[: whole * size].reshape(shape).max(1),
            )
        self.low, self.high, self.filled = math.inf, -math.inf, len(lows) - whole * size
        if self.filled:
            self.low, self.high = (
                float(lows[whole * size :].min()),
                float(highs[whole * size :].max()),
            )

    def _keep(self, lows, highs):
        lows = np.clip(np.round(np.asarray(lows) * 100), -100, 100).astype(int)
        highs = np.clip(np.round(np.asarray(highs) * 100), -100, 100).astype(int)
        self.pairs.extend(zip(lows.tolist(), highs.tolist(), strict=True))

    def peaks(self):
        """The [min, max] pairs, the last (shorter) slice included."""
        if self.filled:
            self._keep([self.low], [self.high])
            self.low, self.high, self.filled = math.inf, -math.inf, 0
        return [list(pair) for pair in self.pairs]


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
