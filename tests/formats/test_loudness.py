"""The sound of an episode measured as apps do: integrated loudness (BS.1770-4, gated), true peak
(4× oversampled) and waveform peaks, in one streaming pass over real MP3s; checked against
pyloudnorm, which filters the whole signal at once."""

import io
import warnings

import numpy as np
import pyloudnorm
import pytest
import soundfile

from episodes.formats.loudness import LoudnessMeter, TruePeakMeter
from episodes.formats.measuring import MeasureUnavailable, measure_audio
from episodes.formats.waveform import SLICES, svg_path
from tests.audio_samples import encode_mp3, fixture

RATE = 44100


def sine(seconds, dbfs, *, frequency=1000, channels=1, rate=RATE):
    times = np.arange(round(seconds * rate)) / rate
    tone = 10 ** (dbfs / 20) * np.sin(2 * np.pi * frequency * times)
    return np.repeat(tone[np.newaxis, :], channels, axis=0)  # channels × frames


def fed_in_blocks(meter, signal, size=7777):
    """The meter fed the signal (channels × frames) as the decoder gives it: frames × channels."""
    for start in range(0, signal.shape[1], size):
        meter.feed(signal[:, start : start + size].T)
    return meter


def test_a_1khz_sine_at_minus_20_dbfs_measures_minus_23_lufs():
    signal = sine(10, -20)
    measured = fed_in_blocks(LoudnessMeter(RATE, 1), signal).integrated()
    assert measured == pytest.approx(-23.0, abs=0.05)
    assert measured == pytest.approx(pyloudnorm.Meter(RATE).integrated_loudness(signal.T), abs=0.1)


def test_loudness_fed_in_small_blocks_equals_loudness_in_one_go():
    generator = np.random.default_rng(4)
    signal = generator.normal(0, 0.05, (2, RATE * 6)) * np.linspace(0, 1, RATE * 6)
    whole = LoudnessMeter(RATE, 2)
    whole.feed(signal.T)
    assert fed_in_blocks(LoudnessMeter(RATE, 2), signal, 1000).integrated() == pytest.approx(
        whole.integrated(), abs=1e-9
    )


def test_gating_leaves_silence_out_of_the_loudness():
    signal = np.concatenate([sine(5, -20), np.zeros((1, RATE * 20)), sine(5, -20)], axis=1)
    measured = fed_in_blocks(LoudnessMeter(RATE, 1), signal).integrated()
    # Without gating the 20 s of silence would take it to −27.8 LUFS; only the blocks that
    # straddle tone and silence lower it a little.
    assert measured == pytest.approx(-23, abs=0.2)
    assert measured == pytest.approx(pyloudnorm.Meter(RATE).integrated_loudness(signal.T), abs=0.1)


def test_loudness_of_a_stereo_mp3_matches_pyloudnorm_on_the_decoded_sound():
    data = encode_mp3(8.0, channels=2, sample_rate=48000, dbfs=-12)
    decoded, rate = soundfile.read(io.BytesIO(data), always_2d=True)
    reference = pyloudnorm.Meter(rate).integrated_loudness(decoded)
    measures = measure_audio(io.BytesIO(data), expected_seconds=8.0)
    assert measures.integrated_loudness == pytest.approx(reference, abs=0.1)
    assert measures.integrated_loudness == pytest.approx(-12, abs=0.5)  # −15 LUFS per channel


def test_true_peak_of_a_sine_is_its_amplitude():
    meter = fed_in_blocks(TruePeakMeter(1), sine(3, -6, frequency=997))
    assert meter.true_peak() == pytest.approx(-6.0, abs=0.05)


def test_true_peak_of_a_clipped_signal_is_above_full_scale():
    clipped = np.clip(sine(3, 6, frequency=5000), -1.0, 1.0)  # sample peak: exactly 0 dBFS
    true_peak = fed_in_blocks(TruePeakMeter(1), clipped).true_peak()
    assert np.abs(clipped).max() == 1.0
    assert true_peak > 0.3  # the reconstructed wave overshoots between the samples


def test_true_peak_of_a_quarter_rate_sine_between_samples_is_found():
    # A sine at fs/4 sampled 45° off its crest: every sample is 0.707, the wave reaches 1.
    times = np.arange(RATE * 2)
    signal = np.sin(2 * np.pi * times / 4 + np.pi / 4)[np.newaxis, :] * 0.5
    assert np.abs(signal).max() == pytest.approx(0.5 * 0.7071, abs=1e-3)
    assert fed_in_blocks(TruePeakMeter(1), signal).true_peak() == pytest.approx(-6.02, abs=0.15)


def test_waveform_has_1500_pairs_quiet_where_the_audio_is_silent():
    data = encode_mp3(30.0, dbfs=-6)
    peaks = measure_audio(io.BytesIO(data), expected_seconds=30.0).peaks
    assert abs(len(peaks) - SLICES) <= SLICES // 100  # the encoder pads the end a little
    assert all(-100 <= low <= high <= 100 for low, high in peaks)
    middle = peaks[len(peaks) // 2]
    assert middle[1] == pytest.approx(50, abs=2) and middle[0] == pytest.approx(-50, abs=2)
    assert svg_path([[0, 0], [-50, 50]]) == "M0.5 49.8V50.2M1.5 25.0V75.0"


@pytest.mark.parametrize("name", ["tone.m4a", "tone.aac"])
def test_a_format_the_decoder_cannot_read_is_unavailable_not_an_error(name):
    with pytest.raises(MeasureUnavailable):
        measure_audio(io.BytesIO(fixture(name)), expected_seconds=1.0)


def test_true_peak_skipping_quiet_segments_finds_what_oversampling_everything_finds():
    from scipy.signal import upfirdn

    from episodes.formats.loudness import INTERPOLATOR

    generator = np.random.default_rng(7)
    envelope = generator.uniform(0, 1, 60).repeat(RATE // 20)  # bursts of 50 ms, loud and quiet
    signal = generator.normal(0, 0.2, (2, len(envelope))) * envelope
    everything = max(np.abs(upfirdn(INTERPOLATOR, channel, 4)).max() for channel in signal)
    assert fed_in_blocks(TruePeakMeter(2), signal, 5000).true_peak() == pytest.approx(
        20 * np.log10(everything),
        abs=1e-4,  # float32 arithmetic
    )


def test_waveform_slices_do_not_depend_on_how_the_audio_was_cut_into_blocks():
    from episodes.formats.waveform import PeakCollector

    generator = np.random.default_rng(3)
    signal = generator.uniform(-1, 1, (2, 100_003))
    whole = PeakCollector(signal.shape[1], slices=97)
    whole.feed(signal.T)
    in_blocks = fed_in_blocks(PeakCollector(signal.shape[1], slices=97), signal, 777)
    assert in_blocks.peaks() == whole.peaks() and len(whole.peaks()) == 97


def oversampled_everywhere(signal):
    """The true peak (dBTP) of channels × frames by oversampling all of it in float64, as the
    first implementation did, never below the sample peak."""
    from scipy.signal import upfirdn

    from episodes.formats.loudness import INTERPOLATOR

    peak = max(np.abs(upfirdn(INTERPOLATOR, channel, 4)).max() for channel in signal)
    return 20 * np.log10(max(peak, np.abs(signal).max()))


def test_an_inter_sample_peak_well_below_the_loudest_sample_is_still_found():
    from episodes.formats.loudness import BOUND, PHASES

    # Twelve samples of ±0.3 signed like the filter's phase 1: the wave between them reaches
    # 0.3 × 2.02 = 0.61, above a sine whose crest (0.5) is 4.4 dB louder than any of them.
    pattern = 0.3 * np.sign(PHASES[1][::-1])
    signal = np.concatenate([sine(1, -6.02, frequency=997)[0], np.zeros(500), pattern])
    true_peak = fed_in_blocks(TruePeakMeter(1), signal[np.newaxis, :], 4096).true_peak()
    assert true_peak == pytest.approx(20 * np.log10(0.3 * BOUND), abs=1e-3)
    assert true_peak == pytest.approx(oversampled_everywhere(signal[np.newaxis, :]), abs=1e-4)


def test_the_true_peak_of_a_signal_loud_throughout_is_that_of_oversampling_it_all():
    generator = np.random.default_rng(9)
    clipped = np.clip(generator.normal(0, 0.5, (2, RATE)), -0.9, 0.9)  # a master pushed hard
    true_peak = fed_in_blocks(TruePeakMeter(2), clipped, 10_000).true_peak()
    assert true_peak == pytest.approx(oversampled_everywhere(clipped), abs=1e-4)
    assert true_peak > 20 * np.log10(0.9) + 3


def test_a_stereo_sine_at_minus_20_dbfs_measures_minus_20_lufs_at_48_khz():
    signal = sine(10, -20, channels=2, rate=48000)  # −23 LUFS per channel, twice the energy
    measured = fed_in_blocks(LoudnessMeter(48000, 2), signal).integrated()
    assert measured == pytest.approx(-20.0, abs=0.05)
    assert measured == pytest.approx(pyloudnorm.Meter(48000).integrated_loudness(signal.T), abs=0.1)


def speech_like_mp3(seconds, rate=44100):
    """A stereo MP3 (lameenc) of band-limited noise in 200 ms syllables with pauses."""
    import lameenc
    from scipy.signal import butter, sosfilt

    generator = np.random.default_rng(15)
    band = butter(2, [150, 3500], btype="bandpass", fs=rate, output="sos")
    voice = sosfilt(band, generator.normal(0, 0.25, (2, seconds * rate)), axis=-1)
    syllables = generator.uniform(0, 1, seconds * 5).repeat(rate // 5)
    pcm = np.clip(voice * np.where(syllables > 0.2, syllables, 0) * 32767, -32767, 32767)
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(128)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(2)
    encoder.set_quality(7)
    return bytes(encoder.encode(pcm.T.astype("<i2").tobytes()) + encoder.flush())


def test_a_speech_like_mp3_measures_as_filtering_and_oversampling_it_whole_does():
    data = speech_like_mp3(20)
    decoded, rate = soundfile.read(io.BytesIO(data), always_2d=True)
    measures = measure_audio(io.BytesIO(data), expected_seconds=20.0)
    # pyloudnorm derives its 44.1 kHz filters otherwise than libebur128: 0.05 LU apart here.
    reference = pyloudnorm.Meter(rate).integrated_loudness(decoded)
    assert measures.integrated_loudness == pytest.approx(reference, abs=0.1)
    assert measures.true_peak == pytest.approx(oversampled_everywhere(decoded.T), abs=0.01)
    assert measures.true_peak > 20 * np.log10(np.abs(decoded).max())  # between the samples


def test_only_the_frames_the_decoder_gives_are_measured():
    from episodes.formats.measuring import decoded_blocks

    data = encode_mp3(2.0, dbfs=-9)
    with soundfile.SoundFile(io.BytesIO(data)) as sound:
        announced = sound.frames
        blocks = [block.copy() for block in decoded_blocks(sound)]
    decoded = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)[0]
    assert announced > len(decoded)  # libsndfile counts a little more than it decodes
    assert np.array_equal(np.concatenate(blocks), decoded)


def test_a_waveform_slice_of_samples_that_are_not_numbers_is_drawn_as_silence():
    from episodes.formats.waveform import PeakCollector

    signal = np.concatenate([np.full(100, 0.5), np.full(100, np.nan), np.full(100, -0.25)])
    collector = PeakCollector(300, slices=3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "invalid value encountered in cast"
        collector.feed(signal[:, np.newaxis])
        assert collector.peaks() == [[50, 50], [0, 0], [-25, -25]]


def test_an_mp3_measured_by_its_path_measures_as_through_a_file_object(tmp_path):
    data = encode_mp3(3.0, channels=2, dbfs=-10)
    path = tmp_path / "épisode.mp3"
    path.write_bytes(data)
    assert measure_audio(str(path), expected_seconds=3.0) == measure_audio(
        io.BytesIO(data), expected_seconds=3.0
    )
