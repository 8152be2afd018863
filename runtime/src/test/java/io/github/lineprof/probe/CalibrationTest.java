package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.stats.FunctionInfo;
import io.github.lineprof.stats.FunctionStats;
import io.github.lineprof.stats.ProfileStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void theProbeCostIsMeasuredOncePerJvm() {
    double cost = Calibration.nanosPerEvent();

    assertThat(cost).isAtLeast(0.0);
    assertThat(cost).isLessThan(1_000.0); // one clock read is tens of ns; never microseconds
    assertThat(Calibration.nanosPerEvent()).isEqualTo(cost);
  }

  @Test
  void calibrationSubtractsTheCostOfEachHitAndNeverGoesBelowZero() {
    FunctionInfo info = new FunctionInfo("a/A.java", "A.f", 10, List.of("@LineProfile", "x();", "y();"));
    ProfileStats raw = new ProfileStats(List.of(
        new FunctionStats(info, new long[] {0, 4, 1000}, new long[] {0, 500, 20_000})));

    FunctionStats calibrated = raw.calibrated(30.0).functions().get(0);

    assertThat(calibrated.hits(11)).isEqualTo(4);
    assertThat(calibrated.nanos(11)).isEqualTo(500 - 4 * 30);
    assertThat(calibrated.nanos(12)).isEqualTo(0); // 20000 - 30000 would be negative
    assertThat(calibrated.nanos(10)).isEqualTo(0);
  }
}
