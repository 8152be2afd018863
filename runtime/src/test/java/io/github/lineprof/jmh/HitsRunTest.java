package io.github.lineprof.jmh;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The instrumented run's profiler options: the user's, in sampled mode, without reports. */
class HitsRunTest {
  @Test
  void theUsersModeAndFormatsGiveWayWithoutAnOptionGivenTwice() {
    ProfileOptions hits =
        JmhLineProfiler.parse(HitsRun.hitsRunOptions("mode=original;unit=1e-6;formats=txt"));

    assertThat(hits.mode()).isEqualTo(ProfileOptions.Mode.SAMPLED);
    assertThat(hits.formats()).isEmpty();
    assertThat(hits.unit()).isEqualTo(1e-6);
    assertThat(hits.output()).isEqualTo(JmhLineProfiler.parse("").output());
  }

  private static ProfileStats walk(long hits) {
    FunctionInfo info =
        new FunctionInfo(
            "demo/Walk.java", "Walk.half", 5, List.of("@LineProfile", "return 1;"), List.of());
    return new ProfileStats(
        List.of(new FunctionStats(info, new long[] {0, hits}, new long[] {0, 7})));
  }

  @Test
  void anEmptyTableSaysWhy() {
    assertThat(HitsRun.nothingCounted(new ProfileStats(List.of()), "b.Bench.run"))
        .isEqualTo(
            "lineprof: the instrumented run of b.Bench.run ran no profiled line: no class it ran has"
                + " an instrumented copy (a benchmark jar of another module's classes needs that"
                + " module's jar of classifier lineprof on its class path)");
    assertThat(HitsRun.nothingCounted(walk(0), "b.Bench.run"))
        .isEqualTo(
            "lineprof: the instrumented run of b.Bench.run ran no profiled line: the benchmark calls"
                + " none of the @LineProfile methods whose copies it loaded");
    assertThat(HitsRun.nothingCounted(walk(3), "b.Bench.run")).isNull();
  }
}
