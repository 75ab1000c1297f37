"""An episode's waveform: the lowest and highest sample of each of about 1,500 equal slices of
the audio, in percent of full scale, gathered block by block while the audio is decoded; and
the SVG path the editor draws from them. Pure numpy, no ORM."""

import math

import numpy as np

SLICES = 1500


class PeakCollector:
    """[min, max] pairs (percent, all channels together) of equal slices of a stream of blocks."""

    def __init__(self, expected_frames, slices=SLICES):
        self.frames_per_slice = max(1, math.ceil(expected_frames / slices))
        self.carry_low = np.zeros(0, dtype=np.float32)
        self.carry_high = np.zeros(0, dtype=np.float32)
        self.pairs = []

    def feed(self, block):
        low = np.concatenate([self.carry_low, block.min(axis=1)])
        high = np.concatenate([self.carry_high, block.max(axis=1)])
        whole = len(low) // self.frames_per_slice * self.frames_per_slice
        if whole:
            shape = (-1, self.frames_per_slice)
            self._keep(low[:whole].reshape(shape).min(axis=1), high[:whole].reshape(shape).max(1))
        self.carry_low, self.carry_high = low[whole:], high[whole:]

    def _keep(self, lows, highs):
        lows = np.clip(np.round(lows * 100), -100, 100).astype(int)
        highs = np.clip(np.round(highs * 100), -100, 100).astype(int)
        self.pairs.extend(zip(lows.tolist(), highs.tolist(), strict=True))

    def peaks(self):
        """The [min, max] pairs, the last (shorter) slice included."""
        if len(self.carry_low):
            self._keep(self.carry_low[np.newaxis].min(1), self.carry_high[np.newaxis].max(1))
            self.carry_low = self.carry_high = np.zeros(0, dtype=np.float32)
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
