package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sampled mode's sample count is the number of samples a line's time is worth: a late sampler's
 * heavy samples count for less, so {@code lineprof diff} and the precision notes do not take a time
 * made of a few long stretches for a precise one.
 */
class EffectiveSamplesTest {
  @Test
  void samplesOfTheIntervalCountOneEach() {
    // ten samples of 100 µs
    assertThat(CounterProbe.effectiveSamples(10, 1_000_000, 10 * 100 * 100)).isEqualTo(10);
  }

  @Test
  void oneLateSampleCarryingMostOfTheTimeCountsForAboutOne() {
    // nine samples of 100 µs and one of 9.1 ms, when the sampler woke late: 10 ms in all
    long squares = 9 * 100 * 100 + 9_100L * 9_100;
    assertThat(CounterProbe.effectiveSamples(10, 10_000_000, squares)).isEqualTo(1);
  }

  @Test
  void halfTheTimeInOneSampleHalvesTheCountRoughly() {
    // 100 samples of 100 µs and one of 10 ms: 20 ms in all
    long squares = 100 * 100 * 100 + 10_000L * 10_000;
    assertThat(CounterProbe.effectiveSamples(101, 20_000_000, squares)).isEqualTo(4);
  }

  @Test
  void noSampleOrSamplesBelowAMicrosecondKeepTheirCount() {
    assertThat(CounterProbe.effectiveSamples(0, 0, 0)).isEqualTo(0);
    assertThat(CounterProbe.effectiveSamples(5, 2_500, 0)).isEqualTo(5);
  }
}
