"""Loudness of an episode as apps measure it: integrated loudness (ITU-R BS.1770-4, gated, in
LUFS) and true peak (4× oversampled, in dBTP), fed block by block so that an hour of audio is
never held whole in memory. Pure numpy/scipy, no ORM.

The K-weighting filters carry their state from one block to the next, and only the energy of
each 100 ms step is kept (36,000 numbers per channel for an hour), from which the gated 400 ms
blocks are summed at the end, exactly as if the signal had been filtered in one go.
"""

import math

import numpy as np
from scipy.signal import lfilter, resample_poly

STEP_SECONDS = 0.1  # gating blocks of 400 ms overlap by 75 %: four steps of 100 ms
STEPS_PER_BLOCK = 4
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the loudness of the blocks above the absolute gate
OVERSAMPLING = 4
# Input samples on each side that one oversampled sample depends on (resample_poly's filter has
# 10 × OVERSAMPLING taps on each side at the oversampled rate, that is 10 input samples).
CONTEXT = 16


def k_weighting(sample_rate):
    """The two biquads of BS.1770's K-weighting (high shelf, then high pass) at this rate, as
    libebur128 derives them: they equal the standard's coefficients exactly at 48 kHz."""
    gain, q_shelf, f_shelf = 3.999843853973347, 0.7071752369554196, 1681.974450955533
    k = math.tan(math.pi * f_shelf / sample_rate)
    vh = 10 ** (gain / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q_shelf + k * k
    shelf_b = [(vh + vb * k / q_shelf + k * k) / a0, 2 * (k * k - vh) / a0]
    shelf_b.append((vh - vb * k / q_shelf + k * k) / a0)
    shelf_a = [1.0, 2 * (k * k - 1) / a0, (1 - k / q_shelf + k * k) / a0]
    q_pass, f_pass = 0.5003270373238773, 38.13547087602444
    k = math.tan(math.pi * f_pass / sample_rate)
    a0 = 1 + k / q_pass + k * k
    pass_a = [1.0, 2 * (k * k - 1) / a0, (1 - k / q_pass + k * k) / a0]
    return (np.array(shelf_b), np.array(shelf_a)), (np.array([1.0, -2.0, 1.0]), np.array(pass_a))


def channel_weights(channels):
    """BS.1770's weights: 1 for left, right and centre, 1.41 for the surround channels."""
    return np.array([1.0 if index < 3 else 1.41 for index in range(channels)])


class LoudnessMeter:
    """Integrated loudness of a stream of float blocks (frames × channels, full scale ±1)."""

    def __init__(self, sample_rate, channels):
        self.filters = k_weighting(sample_rate)
        # Filter state per biquad and channel, starting from silence.
        self.states = [np.zeros((2, channels)) for _ in self.filters]
        self.step = round(sample_rate * STEP_SECONDS)
        self.pending = np.zeros(channels)  # energy of the step begun in the previous block
        self.pending_frames = 0
        self.steps = []  # energy per 100 ms step and channel, arrays of shape (n, channels)
        self.weights = channel_weights(channels)

    def feed(self, block):
        """Filter one block (frames × channels) and keep the energy of its 100 ms steps."""
        weighted = block.astype(np.float64)
        for index, (b, a) in enumerate(self.filters):
            weighted, self.states[index] = lfilter(b, a, weighted, axis=0, zi=self.states[index])
        squares = weighted * weighted
        head = min(self.step - self.pending_frames, len(squares))
        self.pending += squares[:head].sum(axis=0)
        self.pending_frames += head
        if self.pending_frames < self.step:
            return
        self.steps.append(self.pending[np.newaxis, :])
        rest = squares[head:]
        whole = len(rest) // self.step
        if whole:
            shaped = rest[: whole * self.step].reshape(whole, self.step, -1)
            self.steps.append(shaped.sum(axis=1))
        self.pending = rest[whole * self.step :].sum(axis=0)
        self.pending_frames = len(rest) - whole * self.step

    def integrated(self):
        """The gated integrated loudness in LUFS, or None for silence or under 400 ms."""
        if not self.steps:
            return None
        steps = np.concatenate(self.steps)
        if len(steps) < STEPS_PER_BLOCK:
            return None
        # Each 400 ms block is four consecutive steps: a sliding sum over the step energies.
        cumulative = np.concatenate([np.zeros((1, steps.shape[1])), np.cumsum(steps, axis=0)])
        sums = cumulative[STEPS_PER_BLOCK:] - cumulative[:-STEPS_PER_BLOCK]
        means = sums / (STEPS_PER_BLOCK * self.step)  # mean square per block and channel
        power = means @ self.weights
        with np.errstate(divide="ignore"):
            loudness = -0.691 + 10 * np.log10(power)
        above = power[loudness > ABSOLUTE_GATE]
        if not len(above):
            return None
        relative_gate = -0.691 + 10 * math.log10(above.mean()) + RELATIVE_GATE
        gated = power[(loudness > ABSOLUTE_GATE) & (loudness > relative_gate)]
        return -0.691 + 10 * math.log10(gated.mean())


def interpolation_bound():
    """The most a 4× oversampled sample can exceed the largest input sample near it: the sum of
    the absolute taps of resample_poly's filter in its worst phase."""
    impulse = np.zeros(4 * CONTEXT + 1)
    impulse[2 * CONTEXT] = 1.0
    response = np.abs(resample_poly(impulse, OVERSAMPLING, 1))
    phases = response[: len(response) // OVERSAMPLING * OVERSAMPLING].reshape(-1, OVERSAMPLING)
    return float(phases.sum(axis=0).max())


class TruePeakMeter:
    """The true peak (4× oversampled, BS.1770-4 annex 2) of a stream of float blocks. Each block
    is oversampled with CONTEXT samples of its neighbours, so no edge of a block is invented;
    a block that cannot exceed the peak found so far, even oversampled, is skipped."""

    bound = None

    def __init__(self, channels):
        self.tail = np.zeros((2 * CONTEXT, channels))
        self.peak = 0.0
        if TruePeakMeter.bound is None:
            TruePeakMeter.bound = interpolation_bound()

    def feed(self, block):
        chunk = np.concatenate([self.tail, block])
        self.tail = chunk[-2 * CONTEXT :]
        self._measure(chunk)

    def _measure(self, chunk):
        sample_peak = float(np.abs(chunk).max()) if len(chunk) else 0.0
        self.peak = max(self.peak, sample_peak)
        if sample_peak * self.bound <= self.peak or len(chunk) <= 2 * CONTEXT:
            return
        oversampled = resample_poly(chunk, OVERSAMPLING, 1, axis=0)
        # Only the samples whose whole filter lies inside the chunk: the first and last CONTEXT
        # input samples are measured with the previous or next block.
        inner = oversampled[OVERSAMPLING * CONTEXT : OVERSAMPLING * (len(chunk) - CONTEXT)]
        if len(inner):
            self.peak = max(self.peak, float(np.abs(inner).max()))

    def true_peak(self):
        """The true peak in dBTP (None for pure silence), once the stream has ended."""
        self._measure(np.concatenate([self.tail, np.zeros_like(self.tail)]))
        return 20 * math.log10(self.peak) if self.peak > 0 else None
