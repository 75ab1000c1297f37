"""Loudness of an episode as apps measure it: integrated loudness (ITU-R BS.1770-4, gated, in
LUFS) and true peak (4× oversampled, in dBTP), fed block by block so that an hour of audio is
never held whole in memory. Pure numpy/scipy, no ORM.

The K-weighting filters carry their state from one block to the next, and only the energy of
each 100 ms step is kept (36,000 numbers per channel for an hour), from which the gated 400 ms
blocks are summed at the end, exactly as if the signal had been filtered in one go.
"""

import math

import numpy as np
from numpy.lib.stride_tricks import as_strided
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
INTERPOLATOR = PHASES.T.ravel().astype(np.float32)  # h[4k + p] = phase p's tap k
OVERSAMPLING, TAPS = PHASES.shape
# The 4 interpolated samples after window x[n-11 … n] are that window @ WINDOW_FILTER.
WINDOW_FILTER = np.ascontiguousarray(PHASES[:, ::-1].T, dtype=np.float32)
# The most an interpolated sample can exceed the largest of the 12 samples it is made of
# (|Σ h·x| ≤ Σ|h| · max|x|): 2.023, 6.1 dB, for phases 1 and 2.
BOUND = float(np.abs(PHASES).sum(axis=1).max())
GROUPS = 1 << 16  # windows of 12 samples interpolated at once (3 MiB)
DENSE = 4  # past a quarter of the windows, oversampling the whole block costs less
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
    """Integrated loudness of a stream of float blocks (frames × channels as decoded, full scale
    ±1). Stereo is filtered as one complex signal, left + i·right: the filters' coefficients
    being real, its real and imaginary parts are each channel filtered, and |y|² is the sum of
    their energies (both weigh 1); single precision complex runs twice as fast as two real
    channels, and stays within 0.004 dB of double precision even on a loud 20 Hz hum."""

    def __init__(self, sample_rate, channels):
        self.paired = channels == 2
        rows, kind = (1, np.complex64) if self.paired else (channels, np.float32)
        self.sections = k_weighting(sample_rate).astype(kind)
        self.state = np.zeros((len(self.sections), rows, 2), dtype=kind)  # from silence
        self.step_frames = round(sample_rate * STEP_SECONDS)
        self.step = self.step_frames * (2 if self.paired else 1)  # squares per step and row
        self.pending = np.zeros(rows)  # energy of the step begun in the previous block
        self.pending_frames = 0  # squares in it
        self.steps = []  # energy per 100 ms step and row, arrays of shape (n, rows)
        self.weights = np.ones(1) if self.paired else channel_weights(channels)
        self.dither = np.zeros(0, dtype=kind)

    def feed(self, frames):
        """Filter one block (frames × channels) and keep the energy of its 100 ms steps."""
        frames = np.ascontiguousarray(frames, dtype=np.float32)
        if self.paired:
            signal = frames.view(np.complex64).T  # 1 × frames, no copy
        else:
            signal = np.ascontiguousarray(frames.T)  # channels × frames: sosfilt's fast path
        if len(self.dither) < signal.shape[1]:
            alternating = 1 - 2 * (np.arange(signal.shape[1]) % 2)
            both = 1 + 1j if self.paired else 1  # each channel its own tone
            self.dither = (DITHER * both * alternating).astype(self.state.dtype)
        signal = signal + self.dither[: signal.shape[1]]
        filtered, self.state = sosfilt(self.sections, signal, axis=-1, zi=self.state)
        self._keep_steps(np.square(filtered.view(np.float32)))  # real and imaginary squared

    def _keep_steps(self, squares):
        head = min(self.step - self.pending_frames, squares.shape[1])
        self.pending += squares[:, :head].sum(axis=1, dtype=np.float64)
        self.pending_frames += head
        if self.pending_frames < self.step:
            return
        self.steps.append(self.pending[np.newaxis, :])
        rest = squares[:, head:]
        whole = rest.shape[1] // self.step
        if whole:
            shaped = rest[:, : whole * self.step].reshape(len(rest), whole, self.step)
            self.steps.append(shaped.sum(axis=2, dtype=np.float64).T)
        self.pending = rest[:, whole * self.step :].sum(axis=1, dtype=np.float64)
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
        means = sums / (STEPS_PER_BLOCK * self.step_frames)  # mean square, block and row
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
    blocks (frames × channels), never below the sample peak. An interpolated sample is the dot
    product of a phase of the filter with the 12 samples before it, so it is at most BOUND
    (6.1 dB) times the largest of them: only samples within 6.1 dB of the peak found so far can
    make a higher one, and only the 12 interpolated groups each of them feeds are computed (in
    speech about 3 % of them; a block loud throughout is oversampled whole). The result is
    exactly that of oversampling everything, up to float32 rounding."""

    def __init__(self, channels):
        self.tail = np.zeros((TAPS - 1, channels), dtype=np.float32)  # silence before the start
        self.peak = 0.0

    def feed(self, frames):
        chunk = np.concatenate([self.tail, frames], dtype=np.float32)
        self.tail = chunk[-(TAPS - 1) :].copy()
        self._measure(chunk)

    def _measure(self, chunk):
        values = chunk.reshape(-1)  # frame after frame: channel c of frame n is n × width + c
        width = chunk.shape[1]
        magnitudes = np.abs(values)
        self.peak = max(self.peak, float(magnitudes.max(initial=0.0)))
        ends = self._outputs_to_compute(magnitudes, width)
        if len(ends) > len(values) // DENSE:  # loud throughout: upfirdn's loop is quicker
            for channel in chunk.T:
                oversampled = upfirdn(INTERPOLATOR, channel, OVERSAMPLING)
                inner = oversampled[(TAPS - 1) * OVERSAMPLING : OVERSAMPLING * len(chunk)]
                self.peak = max(self.peak, float(np.abs(inner).max(initial=0.0)))
        elif len(ends):
            # windows[i] = the 12 samples of one channel ending at value i + 11 × width.
            step = values.strides[0]
            shape = (len(values) - (TAPS - 1) * width, TAPS)
            windows = as_strided(values, shape, (step, step * width), writeable=False)
            for start in range(0, len(ends), GROUPS):  # a few MiB of windows at a time
                chosen = windows[ends[start : start + GROUPS] - (TAPS - 1) * width]
                self.peak = max(self.peak, float(np.abs(chosen @ WINDOW_FILTER).max()))

    def _outputs_to_compute(self, magnitudes, width):
        """The values (frame n, channel c) ending the 12 real samples n - 11 … n of a channel
        whose interpolated group might beat the peak: with a sample above peak / BOUND."""
        loud = np.flatnonzero(magnitudes > self.peak / BOUND)
        fed = np.zeros(len(magnitudes) + TAPS * width, dtype=bool)
        for delay in range(TAPS):
            fed[loud + delay * width] = True
        return np.flatnonzero(fed[(TAPS - 1) * width : len(magnitudes)]) + (TAPS - 1) * width

    def true_peak(self):
        """The true peak in dBTP (None for pure silence), once the stream has ended."""
        self._measure(np.concatenate([self.tail, np.zeros_like(self.tail)]))
        return 20 * math.log10(self.peak) if self.peak > 0 else None
