package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.report.WalkDiffFixtures.run;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeCostTest {
  private static FunctionStats function(String name, long[] hits, long[] nanos) {
    List<String> lines = Collections.nCopies(hits.length, "x();");
    return new FunctionStats(new FunctionInfo("A.java", name, 10, lines), hits, nanos);
  }

  @Test
  void linesCheaperPerHitThanAProbeAreNamedAsUnreliable() {
    ProfileStats stats =
        new ProfileStats(
            List.of(
                // line 10 never ran; 11-12 cost 3 ns per hit; 13 costs 1 us per hit; 14 costs 2 ns
                // per hit
                function(
                    "A.loop",
                    new long[] {0, 1000, 1000, 10, 100},
                    new long[] {0, 3000, 3000, 10_000, 200}),
                function("A.slow", new long[] {1}, new long[] {1_000_000})));

    List<String> notes = ProbeCost.unreliableLines(stats, 29.0);

    assertThat(notes).hasSize(1);
    assertThat(notes.get(0))
        .startsWith("A.loop lines 11-12, 14 (time per hit below 29.0 ns, what a probe may cost");
  }

  @Test
  void nothingIsUnreliableWhenEveryLineCostsMoreThanItsProbes() {
    ProfileStats stats =
        new ProfileStats(List.of(function("A.slow", new long[] {2}, new long[] {1_000})));

    assertThat(ProbeCost.unreliableLines(stats, 29.0)).isEmpty();
  }

  @Test
  void aRunStatesAtLeastAFewNanosecondsPerEventWhateverItsCalibrationMeasured() {
    assertThat(ProbeCost.perEvent(29.5)).isEqualTo(29.5);
    assertThat(ProbeCost.perEvent(0)).isEqualTo(5.0); // calibration off, or a probe lost in noise
  }

  private static final FunctionInfo RUN =
      new FunctionInfo(
          "S.java",
          "S.run",
          1,
          List.of(
              "static long run(int n) {",
              "  for (int i = 0; i < n; i++) {",
              "    sum += mix(sum);",
              "    xs.forEach(x -> {",
              "      sum += x;",
              "    });",
              "  }",
              "  return sum;",
              "}"),
          List.of(0, 0, 0, 0, 1, 1, 0, 0, 0));

  private static final FunctionInfo MIX =
      new FunctionInfo(
          "S.java",
          "S.mix",
          20,
          List.of(
              "static long mix(long h) {",
              "  for (int r = 0; r < 64; r++) {",
              "    h = rotate(h);",
              "  }",
              "  return h;",
              "}"));

  private static final FunctionStats RUN_STATS =
      new FunctionStats(
          RUN,
          new long[] {0, 1001, 1000, 1000, 3000, 0, 0, 1, 0},
          new long[] {0, 30_000, 20_000_000, 500_000, 400_000, 0, 0, 40, 0});

  private static final FunctionStats MIX_STATS =
      new FunctionStats(
          MIX,
          new long[] {0, 65_000, 64_000, 0, 1000, 0},
          new long[] {0, 10_000_000, 12_000_000, 0, 200_000, 0});

  private static ProbeCost copyRun(double perEvent) {
    return ProbeCost.of(
        new ProfileStats(List.of(RUN_STATS, MIX_STATS)),
        List.of(run("exact", null).withProbeNanos(perEvent)));
  }

  @Test
  void aLinesProbesAreItsHitsItsNestedLinesAndThoseOfTheProfiledFunctionsItCalls() {
    // 30 ns calibrated: up to 4 times as much, 120 ns, per event in the compiled program
    ProbeCost probes = copyRun(30);

    assertThat(probes.lineNanos(MIX_STATS, 22)).isEqualTo(64_000 * 120);
    // 1000 calls of mix, each of 130 line events
    assertThat(probes.lineNanos(RUN_STATS, 3)).isEqualTo((1000 + 130_000) * 120);
    // the lambda's line, whose time is in its calling line's
    assertThat(probes.lineNanos(RUN_STATS, 5)).isEqualTo(3000 * 120);
    assertThat(probes.lineNanos(RUN_STATS, 4)).isEqualTo((1000 + 3000) * 120);
    // 1001 hits would be 120,120 ns of probes in 30,000 ns: no more than the whole time
    assertThat(probes.lineNanos(RUN_STATS, 2)).isEqualTo(30_000);
    // the total: its top-level lines', the nested line once
    assertThat(probes.totalNanos(RUN_STATS))
        .isEqualTo(30_000 + (1000 + 130_000 + 1000 + 3000) * 120 + 40);
  }

  @Test
  void originalModeTimesHoldNoProbe() {
    ProbeCost probes =
        ProbeCost.of(
            new ProfileStats(List.of(RUN_STATS, MIX_STATS)), List.of(run("original", null)));

    assertThat(probes.perEvent()).isEqualTo(0.0);
    assertThat(probes.lineNanos(RUN_STATS, 3)).isEqualTo(0);
    assertThat(probes.totalNanos(RUN_STATS)).isEqualTo(0);
  }

  @Test
  void functionsCallingEachOtherCountEachOtherOnce() {
    FunctionInfo even =
        new FunctionInfo(
            "E.java", "E.even", 1, List.of("static boolean even(int n) {", "  odd(n - 1);", "}"));
    FunctionInfo odd =
        new FunctionInfo(
            "E.java", "E.odd", 5, List.of("static boolean odd(int n) {", "  even(n - 1);", "}"));
    FunctionStats evenStats =
        new FunctionStats(even, new long[] {0, 10, 0}, new long[] {0, 9_000, 0});
    FunctionStats oddStats = new FunctionStats(odd, new long[] {0, 7, 0}, new long[] {0, 6_000, 0});

    ProbeCost probes =
        ProbeCost.of(
            new ProfileStats(List.of(evenStats, oddStats)),
            List.of(run("sampled", null).withProbeNanos(5)));

    assertThat(probes.totalNanos(evenStats)).isEqualTo((10 + 7) * 4 * 5);
  }

  @Test
  void aCalibrationThatMeasuredNothingIsNoCostOfZero() {
    // a new user read "the times include the probes' (0.0 ns per line event)" beside a note naming
    // lines "below 5.0 ns, what a probe costs"
    assertThat(ProbeCost.perEventText(0.0))
        .isEqualTo("less per line event than calibration can measure");
    assertThat(ProbeCost.perEventText(2.1)).isEqualTo("2.1 ns per line event");
    assertThat(
            ProbeCost.unreliableLines(
                new ProfileStats(List.of(function("A.f", new long[] {10}, new long[] {20}))),
                ProbeCost.perEvent(0.0)))
        .containsExactly(
            "A.f line 10 (time per hit below 5.0 ns, what a probe may cost: the original mode of"
                + " the harness or the JMH profiler times them on the untouched code)");
  }
}
