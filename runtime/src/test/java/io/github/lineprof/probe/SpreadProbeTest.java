package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.Range;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.Spread;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Exact mode's spread: a line whose hits sleep 1 ms or 10 ms shows both in its min, median, p99 and
 * max.
 */
class SpreadProbeTest {
  private static final int SHORT = 12;
  private static final int LONG = 8;

  @Test
  void aLineOfTwoKnownDurationsShowsBoth() throws InterruptedException {
    CounterProbe probe =
        CounterProbe.of(
            new FunctionInfo("T.java", "T.sleeps", 1, Collections.nCopies(3, "")), 0, 0);
    long[] truth = new long[SHORT + LONG];
    // Stands for an instrumented copy whose line 2 sleeps 1 ms or 10 ms per hit, long and short
    // mixed.
    long[] c = probe.counters();
    int line = probe.entry();
    long state = probe.enter(c);
    try {
      for (int i = 0; i < truth.length; i++) {
        state = probe.line(c, line, line = 2, state);
        long start = System.nanoTime();
        // 10 ms and 0.6 ms lie well inside their buckets (8.4-16.8 ms, 0.52-1.05 ms); a sleep of
        // 1 ms lasts about 1.05 ms, on the edge, where the probe's own nanoseconds tip it over
        if (i % 5 < 2) {
          Thread.sleep(10);
        } else {
          LockSupport.parkNanos(600_000);
        }
        truth[i] = System.nanoTime() - start;
      }
      state = probe.line(c, line, line = 3, state);
    } finally {
      probe.exit(line, state);
    }

    FunctionStats stats = ProbeCounts.snapshot(probe);
    assertThat(stats.hasSpread()).isTrue();
    assertThat(Arrays.stream(stats.buckets(2)).sum()).isEqualTo(SHORT + LONG);
    Spread.Summary spread = stats.spread(2);
    Arrays.sort(truth);
    // Each statistic is in the bucket of the true value, so within a factor of sqrt(2) of it.
    assertWithin(spread.min(), truth[0]);
    assertWithin(spread.median(), truth[(SHORT + LONG - 1) >> 1]); // the 10th of 20: a short one
    assertWithin(spread.p99(), truth[SHORT + LONG - 1]);
    assertWithin(spread.max(), truth[SHORT + LONG - 1]);
    assertThat(spread.median()).isLessThan(3_000_000L);
    assertThat(spread.p99()).isAtLeast(10_000_000L * 7 / 10);
  }

  private static void assertWithin(long reported, long truth) {
    assertThat(Spread.bucket(reported)).isEqualTo(Spread.bucket(truth));
    assertThat((double) reported).isIn(Range.closed(truth / Math.sqrt(2), truth * Math.sqrt(2)));
  }
}
