"""Loudness of an episode as apps measure it: integrated loudness (ITU-R BS.1770-4, gated, in
LUFS) and true peak (4× oversampled, in dBTP), fed block by block so that an hour of audio is
never held whole in memory. Pure numpy/scipy, no ORM.

The K-weighting filters carry their state from one block to the next, and only the energy of
each 100 ms step is kept (36,000 numbers per channel for an hour), from which the gated 400 ms
blocks are summed at the end, exactly as if the signal had been filtered in one go.
"""

import math

import numpy as np
from scipy.signal import sosfilt, upfirdn

STEP_SECONDS = 0.1  # gating blocks of 400 ms overlap by 75 %: four steps of 100 ms
STEPS_PER_BLOCK = 4
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the loudness of the blocks above the absolute gate
# BS.1770-4 annex 2's interpolation filter: 48 taps, 4 phases of 12 (phases 2 and 3 are
# phases 1 and 0 reversed), interleaved into the prototype that upfirdn applies.
PHASE_0 = (0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000,
           -0.0594482421875, 0.1373291015625, 0.9721679687500, -0.1022949218750,
           0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500)  # fmt: skip
PHASE_1 = (-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250,
           -0.1665039062500, 0.4650878906250, 0.7797851562500, -0.2003173828125,
           0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375)  # fmt: skip
PHASES = np.array([PHASE_0, PHASE_1, PHASE_1[::-1], PHASE_0[::-1]])
INTERPOLATOR = PHASES.T.ravel()  # h[4k + p] = phase p's tap k
OVERSAMPLING, TAPS = PHASES.shape
# The most an interpolated sample can exceed the largest of the 12 samples it is made of.
BOUND = float(np.abs(PHASES).sum(axis=1).max())
SEGMENT = 4096  # samples oversampled at a time, where they might hold a new peak
# A tiny tone at half the sample rate keeps the filters' state out of denormal numbers (very slow
# arithmetic) through digital silence; at −200 dBFS it changes no loudness.
DITHER = 1e-10


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
    return np.array([shelf_b + shelf_a, [1.0, -2.0, 1.0] + pass_a])  # second-order sections


def channel_weights(channels):
    """BS.1770's weights: 1 for left, right and centre, 1.41 for the surround channels."""
    return np.array([1.0 if index < 3 else 1.41 for index in range(channels)])


class LoudnessMeter:
    """Integrated loudness of a stream of float blocks (channels × frames, full scale ±1)."""

    def __init__(self, sample_rate, channels):
        self.sections = k_weighting(sample_rate)
        self.state = np.zeros((len(self.sections), channels, 2))  # from silence
        self.step = round(sample_rate * STEP_SECONDS)
        self.pending = np.zeros(channels)  # energy of the step begun in the previous block
        self.pending_frames = 0
        self.steps = []  # energy per 100 ms step and channel, arrays of shape (n, channels)
        self.weights = channel_weights(channels)
        self.dither = None

    def feed(self, block):
        """Filter one block (channels × frames) and keep the energy of its 100 ms steps."""
        if self.dither is None or self.dither.shape[-1] != block.shape[-1]:
            self.dither = DITHER * (1 - 2 * (np.arange(block.shape[-1]) % 2))
        signal = block + self.dither  # float64, contiguous by channel: sosfilt's fast path
        squares, self.state = sosfilt(self.sections, signal, axis=-1, zi=self.state)
        np.square(squares, out=squares)
        head = min(self.step - self.pending_frames, squares.shape[1])
        self.pending += squares[:, :head].sum(axis=1)
        self.pending_frames += head
        if self.pending_frames < self.step:
            return
        self.steps.append(self.pending[np.newaxis, :])
        rest = squares[:, head:]
        whole = rest.shape[1] // self.step
        if whole:
            shaped = rest[:, : whole * self.step].reshape(len(rest), whole, self.step)
            self.steps.append(shaped.sum(axis=2).T)
        self.pending = rest[:, whole * self.step :].sum(axis=1)
        self.pending_frames = rest.shape[1] - whole * self.step

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


class TruePeakMeter:
    """The true peak (4× oversampled with BS.1770-4 annex 2's filter) of a stream of float
    blocks (channels × frames). Each block is oversampled with the 11 samples before it, so no
    edge is invented; a segment whose samples cannot make an interpolated sample above the
    peak found so far (BOUND × its largest sample) is skipped: the result is the same."""

    def __init__(self, channels):
        self.tail = np.zeros((channels, TAPS - 1))
        self.peak = 0.0

    def feed(self, block):
        chunk = np.concatenate([self.tail, block], axis=1)
        self.tail = chunk[:, -(TAPS - 1) :]
        self._measure(chunk)

    def _measure(self, chunk):
        magnitudes = np.abs(chunk)
        self.peak = max(self.peak, float(magnitudes.max(initial=0.0)))
        usable = chunk.shape[1] - (TAPS - 1)  # segments of SEGMENT outputs, 11 samples of context
        for start in range(0, usable, SEGMENT):
            stop = min(start + SEGMENT, usable) + TAPS - 1
            loudest = magnitudes[:, start:stop].max(axis=1)
            for channel in np.flatnonzero(loudest * BOUND > self.peak):
                oversampled = upfirdn(INTERPOLATOR, chunk[channel, start:stop], OVERSAMPLING)
                # Only the outputs made of 12 real samples, none of upfirdn's zero padding.
                inner = oversampled[len(INTERPOLATOR) - 1 : OVERSAMPLING * (stop - start)]
                self.peak = max(self.peak, float(np.abs(inner).max(initial=0.0)))

    def true_peak(self):
        """The true peak in dBTP (None for pure silence), once the stream has ended."""
        self._measure(np.concatenate([self.tail, np.zeros_like(self.tail)], axis=1))
        return 20 * math.log10(self.peak) if self.peak > 0 else None
