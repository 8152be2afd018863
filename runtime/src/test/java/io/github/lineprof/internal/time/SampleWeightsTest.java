package io.github.lineprof.internal.time;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.time.SampleWeights.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Weights from a made-up timeline: ten calls of 100 ns, each a running stretch, a sleep, a stretch
 * inside the VM no sample sees, and a read.
 */
class SampleWeightsTest {
  private static final long SLEEP = 11;
  private static final long READ = 22;
  private static final long THREAD = 1;

  private static Instant at(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }

  /**
   * Per call at {@code t}: [t, t+40) runs (two samples, at t+5 and t+25), [t+40, t+70) sleeps,
   * [t+70, t+80) is unsampled, [t+80, t+90) reads (a sample inside it at t+85), [t+90, t+100) runs
   * (no sample). The running stretch after a read and before the next sleep is one class: the last
   * call's read is followed by the window's end instead.
   */
  private static SampleWeights tenCalls() {
    List<Interval> events = new ArrayList<>();
    List<Long> samples = new ArrayList<>();
    for (long t = 0; t < 1000; t += 100) {
      events.add(new Interval(t + 40, t + 70, SLEEP));
      events.add(new Interval(t + 80, t + 90, READ));
      samples.add(t + 5);
      samples.add(t + 25);
      samples.add(t + 85);
    }
    return SampleWeights.of(0, 1000, Map.of(THREAD, events), Map.of(THREAD, samples));
  }

  @Test
  void samplesShareTheTimeOfTheGapsBetweenTheSameEvents() {
    SampleWeights weights = tenCalls();
    // read -> sleep: nine gaps of 10 + 40 ns, 18 samples
    assertThat(weights.weight(THREAD, at(105))).isWithin(1e-9).of(9 * 50 / 18.0);
    // the first call's stretch is its own class (the window's start -> sleep): 40 ns, 2 samples
    assertThat(weights.weight(THREAD, at(5))).isWithin(1e-9).of(20.0);
  }

  @Test
  void aSampleInsideAnEventWeighsNothing() {
    assertThat(tenCalls().weight(THREAD, at(185))).isEqualTo(0.0);
  }

  @Test
  void timeNoSampleSawGoesToTheEventAfterIt() {
    SampleWeights weights = tenCalls();
    // sleep -> read: 10 ns a call, no sample in any call
    assertThat(weights.besideEvent(THREAD, at(140))).isEqualTo(0);
    assertThat(weights.besideEvent(THREAD, at(180))).isEqualTo(10);
    // the last read -> the window's end: to the read
    assertThat(weights.besideEvent(THREAD, at(980))).isEqualTo(20);
    assertThat(weights.besideEvent(THREAD + 1, at(980))).isEqualTo(0);
    assertThat(weights.unsampledShare()).isWithin(1e-9).of(0.11);
  }

  @Test
  void anotherThreadsSamplesWeighTheMean() {
    // 490 ns of sampled gaps over 20 samples
    assertThat(tenCalls().weight(THREAD + 1, at(5))).isWithin(1e-9).of(490 / 20.0);
  }
}
