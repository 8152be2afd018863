package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void theProbeCostIsMeasuredOncePerJvm() {
    double event = Calibration.eventNanos();
    double call = Calibration.callNanos();

    assertThat(event).isGreaterThan(0.0); // exact mode here: at least a clock read
    assertThat(event).isLessThan(1_000.0); // one clock read is tens of ns; never microseconds
    assertThat(call).isAtLeast(0.0);
    assertThat(call).isLessThan(10_000.0);
    assertThat(Calibration.eventNanos()).isEqualTo(event);
  }

  @Test
  void exactModeProbesBookTheirCostAsDebtOnTheThreadsClock() {
    // Wiring, not timing: every event and every exit books its calibrated cost, and the clock the
    // lines are charged on runs behind nanoTime by exactly that debt.
    CounterProbe probe =
        CounterProbe.of(new FunctionInfo("t", "t", 1, List.of("", "")), 3 << 10, 7 << 10);
    long start = System.nanoTime();
    long[] c = probe.counters();
    long debtBefore = c[ThreadCounters.DEBT];
    int line = probe.entry();
    long state = probe.enter(c);
    for (int i = 0; i < 1000; i++) {
      state = probe.line(c, line, line = 1 + (i & 1), state);
    }
    probe.exit(line, state);
    long wall = System.nanoTime() - start;

    assertThat(c[ThreadCounters.DEBT] - debtBefore).isEqualTo((1000 * 3 + 7) << 10);
    FunctionStats stats = ProbeCounts.snapshot(probe);
    assertThat(stats.hits(1)).isEqualTo(500);
    assertThat(stats.hits(2)).isEqualTo(500);
    // The lines were charged on a clock that ran behind nanoTime by the events' debt.
    assertThat(stats.nanos(1) + stats.nanos(2)).isAtMost(wall - 1000 * 3);
  }

  @Test
  void calibrationSubtractsTheCostOfEachHitAndNeverGoesBelowZero() {
    FunctionInfo info =
        new FunctionInfo("a/A.java", "A.f", 10, List.of("@LineProfile", "x();", "y();"));
    ProfileStats raw =
        new ProfileStats(
            List.of(new FunctionStats(info, new long[] {0, 4, 1000}, new long[] {0, 500, 20_000})));

    FunctionStats calibrated = raw.calibrated(30.0).functions().get(0);

    assertThat(calibrated.hits(11)).isEqualTo(4);
    assertThat(calibrated.nanos(11)).isEqualTo(500 - 4 * 30);
    assertThat(calibrated.nanos(12)).isEqualTo(0); // 20000 - 30000 would be negative
    assertThat(calibrated.nanos(10)).isEqualTo(0);
  }
}
