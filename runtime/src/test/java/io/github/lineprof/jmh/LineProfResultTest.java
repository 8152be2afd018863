package io.github.lineprof.jmh;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the JMH profiler's table shows of several forks, after JMH's aggregator summed them. */
class LineProfResultTest {
  private static final FunctionInfo SUM =
      new FunctionInfo("B.java", "B.sum", 10, List.of("long s = 0;", "s += x;"));

  private static LineProfResult fork(String mode, long[] hits, long[] nanos) {
    return new LineProfResult(
        new ProfileStats(List.of(new FunctionStats(SUM, hits, nanos))),
        List.of(RunInfo.current(mode, Map.of())),
        Map.of(),
        "B.sum");
  }

  private static FunctionProfile shown(LineProfResult... forks) {
    return forks[0].getIterationAggregator().aggregate(List.of(forks)).functions().get(0);
  }

  @Test
  void originalModesForksRepeatOneMeasurementAndShowTheirMean() {
    // each measured fork holds the hits fork's counts (100 calls) and its own Time scaled to them
    FunctionProfile f =
        shown(
            fork("original", new long[] {100, 1000}, new long[] {1_000, 9_000}),
            fork("original", new long[] {100, 1000}, new long[] {1_000, 11_000}));

    assertThat(f.line(10).hits()).isEqualTo(100);
    assertThat(f.line(11).hits()).isEqualTo(1000);
    assertThat(f.line(11).nanos()).isEqualTo(10_000);
  }

  @Test
  void theCopysForksCountTheirOwnHitsAndShowTheirSum() {
    FunctionProfile f =
        shown(
            fork("exact", new long[] {100, 1000}, new long[] {1_000, 9_000}),
            fork("exact", new long[] {50, 500}, new long[] {500, 5_000}));

    assertThat(f.line(10).hits()).isEqualTo(150);
    assertThat(f.line(11).nanos()).isEqualTo(14_000);
  }
}
