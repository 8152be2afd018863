package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerformanceCheckTest {
  private static final FunctionInfo WALK =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.walk",
          10,
          List.of(
              "static int walk(int n) {",
              "  int s = 0;",
              "  for (int i = 0; i < n; i++) {",
              "    s += step(i);",
              "  }",
              "  return s;",
              "}"));
  private static final long[] HITS = {0, 1, 11, 10, 0, 1, 0};
  private static final double[] TIMES = {0, 400, 20_000, 80_000, 0, 300, 0};

  private static final RunInfo RUN =
      new RunInfo(
          Instant.parse("2026-01-01T10:00:00Z"),
          "original",
          Map.of(),
          new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
          new RunInfo.Machine("Linux", "6", "amd64", 2));

  /** A report of {@code runs} runs whose line 13 (index 3) is {@code factor} times as slow. */
  private static JsonReportReader.Report report(
      Random random, int runs, double factor, long[] hits) {
    double[] times = TIMES.clone();
    times[3] *= factor;
    return report(random, runs, times, 0.02, hits);
  }

  /**
   * A report of {@code runs} runs of walk whose lines take {@code times}, each run's off by a
   * log-normal {@code jitter}.
   */
  private static JsonReportReader.Report report(
      Random random, int runs, double[] times, double jitter, long[] hits) {
    List<long[]> perRun = new ArrayList<>();
    long[] mean = new long[HITS.length];
    for (int r = 0; r < runs; r++) {
      long[] run = new long[HITS.length];
      for (int i = 0; i < run.length; i++) {
        run[i] = Math.round(times[i] * Math.exp(jitter * random.nextGaussian()));
      }
      perRun.add(run);
    }
    for (int i = 0; i < mean.length; i++) {
      double sum = 0;
      for (long[] run : perRun) {
        sum += run[i];
      }
      mean[i] = Math.round(sum / runs);
    }
    FunctionStats f = new FunctionStats(WALK, hits, mean);
    if (runs > 1) {
      f = f.withRunNanos(perRun);
    }
    return new JsonReportReader.Report(new ProfileStats(List.of(f)), List.of(RUN));
  }

  @Test
  void theSameCodeMeasuredTwicePasses() {
    Random random = new Random(3);
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(
            report(random, 5, 1, HITS), report(random, 5, 1, HITS), CheckRule.defaults());
    assertThat(outcome.passed()).isTrue();
  }

  @Test
  void aLineTwentyPercentSlowerInFiveRunsFailsNamingTheLineAndTheTest() {
    Random random = new Random(4);
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(
            report(random, 5, 1, HITS), report(random, 5, 1.2, HITS), CheckRule.defaults());
    assertThat(outcome.passed()).isFalse();
    List<PerformanceCheck.Finding> violations = outcome.violations();
    assertThat(violations.get(0).element()).isEqualTo("Walk.walk line 13");
    assertThat(violations.get(0).message()).contains("Welch's t-test of 5 and 5 runs");
    assertThat(violations.get(0).message()).contains("s += step(i);");
    // the function's total grew by 16 %: beyond the default FUNCTION rule too
    assertThat(violations.stream().map(PerformanceCheck.Finding::element)).contains("Walk.walk");
  }

  private static double[] times(double all, int line, double factor) {
    double[] times = TIMES.clone();
    for (int i = 0; i < times.length; i++) {
      times[i] *= i == line ? all * factor : all;
    }
    return times;
  }

  @Test
  void aSlowerMachineSlowsEveryLineAlikeWhichOnlyTheFunctionRuleJudges() {
    Random random = new Random(11);
    JsonReportReader.Report before = report(random, 10, times(1, 0, 1), 0.02, HITS);
    JsonReportReader.Report after = report(random, 10, times(1.3, 0, 1), 0.02, HITS);

    PerformanceCheck.Outcome lines =
        PerformanceCheck.check(before, after, List.of(CheckRule.parse("element=LINE")));
    assertThat(lines.findings()).isEmpty();
    PerformanceCheck.Outcome functions =
        PerformanceCheck.check(before, after, List.of(CheckRule.parse("element=FUNCTION")));
    assertThat(functions.violations()).hasSize(1);
    assertThat(functions.violations().get(0).message()).contains("(+30.");
  }

  /**
   * A report of 10 runs of walk, {@code slower} times as slow as {@link #TIMES}, on a machine whose
   * pace moves from run to run by 10 % around {@code machine}, which slows the function and the
   * speed control each run timed alike.
   */
  private static JsonReportReader.Report onAMovingMachine(
      Random random, double slower, double machine) {
    return onAMovingMachine(random, slower, machine, 1);
  }

  /** The same, the control's time also {@code controlAlone} times as long. */
  private static JsonReportReader.Report onAMovingMachine(
      Random random, double slower, double machine, double controlAlone) {
    List<long[]> perRun = new ArrayList<>();
    long[] control = new long[10];
    long[] mean = new long[HITS.length];
    for (int r = 0; r < control.length; r++) {
      double pace = machine * Math.exp(0.1 * random.nextGaussian());
      long[] run = new long[HITS.length];
      for (int i = 0; i < run.length; i++) {
        run[i] = Math.round(TIMES[i] * slower * pace * Math.exp(0.01 * random.nextGaussian()));
        mean[i] += run[i];
      }
      perRun.add(run);
      control[r] = Math.round(5_000 * controlAlone * pace * Math.exp(0.01 * random.nextGaussian()));
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] = Math.round(mean[i] / 10.0);
    }
    FunctionStats f =
        new FunctionStats(WALK, HITS, mean).withRunNanos(perRun).withRunControl(control);
    return new JsonReportReader.Report(new ProfileStats(List.of(f)), List.of(RUN));
  }

  @Test
  void aFunctionIsJudgedAgainstTheSpeedControlEachRunTimed() {
    Random random = new Random(21);
    List<CheckRule> functions = List.of(CheckRule.parse("element=FUNCTION"));
    // the candidate's machine 40 % slower, the code the same: the control saw the machine
    JsonReportReader.Report before = onAMovingMachine(random, 1, 1);
    PerformanceCheck.Outcome machine =
        PerformanceCheck.check(before, onAMovingMachine(random, 1, 1.4), functions);
    assertThat(machine.findings()).isEmpty();

    // the function 20 % slower on a machine 10 % slower: +32 % in absolute time, +20 % against
    // the control, and the smaller counts
    PerformanceCheck.Outcome slower =
        PerformanceCheck.check(before, onAMovingMachine(random, 1.2, 1.1), functions);
    assertThat(slower.violations()).hasSize(1);
    assertThat(slower.violations().get(0).message())
        .containsMatch(
            "\\+(1[5-9]|2[0-5])\\.[0-9] % the smaller of its change in absolute time and against"
                + " the speed control timed in each run");

    // the control sped up by 10 % more than the function did (other code reacts otherwise to
    // load): -3 % in absolute time, +8 % against the control; the two disagree, so no change
    PerformanceCheck.Outcome apart =
        PerformanceCheck.check(before, onAMovingMachine(random, 1, 0.97, 1 / 1.1), functions);
    assertThat(apart.findings()).isEmpty();
  }

  @Test
  void aFunctionMustShowAChangeBeyondTheMinimumEffectNotJustAnyChange() {
    Random random = new Random(23);
    List<CheckRule> functions = List.of(CheckRule.parse("element=FUNCTION"));
    JsonReportReader.Report before = report(random, 10, times(1, 0, 1), 0.04, HITS);
    // every line 6 % slower: a change for sure, but the runs do not show one beyond 5 %
    JsonReportReader.Report justBeyond = report(random, 10, times(1.06, 0, 1), 0.04, HITS);
    assertThat(PerformanceCheck.check(before, justBeyond, functions).findings()).isEmpty();
    // a test of any change finds it, and it measures beyond 5 %: the earlier rule flagged it
    List<PerformanceCheck.Finding> anyChange =
        PerformanceCheck.check(
                before, justBeyond, List.of(CheckRule.parse("element=FUNCTION,minEffect=0")))
            .violations();
    assertThat(anyChange).hasSize(1);
    assertThat(anyChange.get(0).message()).containsMatch("\\(\\+(5\\.[1-9]|[6-9]\\.)");
    PerformanceCheck.Outcome slower =
        PerformanceCheck.check(
            before, report(random, 10, times(1.15, 0, 1), 0.04, HITS), functions);
    assertThat(slower.violations()).hasSize(1);
    assertThat(slower.violations().get(0).message())
        .contains("Welch's t-test of 10 and 10 runs against a change of at most 5 %");
  }

  @Test
  void withoutASpeedControlInBothReportsAFunctionIsJudgedByItsTime() {
    Random random = new Random(22);
    JsonReportReader.Report controlled = onAMovingMachine(random, 1, 1);
    // the same code on a machine 40 % slower, in a report that timed no control
    JsonReportReader.Report uncontrolled = report(random, 10, times(1.4, 0, 1), 0.02, HITS);
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(
            controlled, uncontrolled, List.of(CheckRule.parse("element=FUNCTION")));
    assertThat(outcome.violations()).hasSize(1);
    assertThat(outcome.violations().get(0).message()).doesNotContain("speed control");
  }

  @Test
  void aFunctionsRunsCountALambdasLinesOnceInTheLineThatCallsIt() {
    FunctionInfo each =
        new FunctionInfo(
            "demo/Each.java",
            "Each.each",
            5,
            List.of(
                "static void each(List<Integer> xs) {",
                "  xs.forEach(x -> {",
                "    work(x);",
                "  });",
                "  done();",
                "}"),
            List.of(0, 0, 1, 0, 0, 0));
    long[] hits = {0, 1, 10, 0, 1, 0};
    Random random = new Random(23);
    // the lambda's line 7 (in line 6's time) twice as slow: the function from 2.0 to 2.8 µs
    JsonReportReader.Report before = lambdaRuns(random, each, hits, 1_000, 800);
    JsonReportReader.Report after = lambdaRuns(random, each, hits, 1_800, 1_600);
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(before, after, List.of(CheckRule.parse("element=FUNCTION")));
    assertThat(outcome.violations()).hasSize(1);
    assertThat(outcome.violations().get(0).message()).containsMatch("\\(\\+(39|40|41)\\.[0-9] %;");
  }

  /**
   * 5 runs of Each.each: line 6 takes {@code calling}, its lambda's line 7 {@code nested} of it.
   */
  private static JsonReportReader.Report lambdaRuns(
      Random random, FunctionInfo info, long[] hits, long calling, long nested) {
    List<long[]> perRun = new ArrayList<>();
    long[] mean = new long[hits.length];
    for (int r = 0; r < 5; r++) {
      double jitter = Math.exp(0.01 * random.nextGaussian());
      long[] run = {0, Math.round(calling * jitter), Math.round(nested * jitter), 0, 1_000, 0};
      perRun.add(run);
      for (int i = 0; i < run.length; i++) {
        mean[i] += run[i];
      }
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] = Math.round(mean[i] / 5.0);
    }
    FunctionStats f = new FunctionStats(info, hits, mean).withRunNanos(perRun);
    return new JsonReportReader.Report(new ProfileStats(List.of(f)), List.of(RUN));
  }

  @Test
  void aLineTenPercentSlowerOnASlowerMachineIsJudgedByItsOwnChange() {
    Random random = new Random(12);
    // line 12 holds a fifth of the function; the candidate's machine is 30 % slower
    JsonReportReader.Report before = report(random, 10, times(1, 2, 1), 0.02, HITS);
    JsonReportReader.Report after = report(random, 10, times(1.3, 2, 1.1), 0.02, HITS);

    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(before, after, List.of(CheckRule.parse("element=LINE")));
    assertThat(outcome.findings()).hasSize(1);
    PerformanceCheck.Finding finding = outcome.violations().get(0);
    assertThat(finding.element()).isEqualTo("Walk.walk line 12");
    // its own time grew by 43 %, of which 10 % against the rest of the function
    assertThat(finding.message())
        .containsMatch("\\(\\+4[0-9]\\.[0-9] %; \\+(9|10|11)\\.[0-9] % relative");
    assertThat(finding.message()).contains("relative to the function's other lines");
  }

  @Test
  void aSlowdownBelowTheRulesLimitIsAChangeButNoViolation() {
    Random random = new Random(5);
    List<CheckRule> rules = List.of(CheckRule.parse("element=LINE,maxSlowdown=30"));
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(report(random, 5, 1, HITS), report(random, 5, 1.2, HITS), rules);
    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.findings()).hasSize(1);
    assertThat(outcome.findings().get(0).element()).isEqualTo("Walk.walk line 13");
  }

  @Test
  void moreHitsAreExactAndNeedNoTestEvenWithOneRun() {
    Random random = new Random(6);
    long[] more = HITS.clone();
    more[2] = 21;
    more[3] = 20;
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(
            report(random, 1, 1, HITS), report(random, 1, 1, more), CheckRule.defaults());
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.violations().get(0).message())
        .startsWith("Walk.walk line 12: hits 11 -> 21 (+90.9 %, counted, no test needed)");
  }

  @Test
  void oneRunFallsBackToTheNoiseRuleAndSaysSo() {
    Random random = new Random(7);
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(
            report(random, 1, 1, HITS), report(random, 1, 2, HITS), CheckRule.defaults());
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.violations().get(0).message())
        .contains(
            "the baseline keeps no runs apart (a single run, or a merge that summed its reports):"
                + " no test possible, beyond lineprof diff's noise rule");
  }

  @Test
  void oneRunOfTheCopysTimesLeavesWhatItsProbesCostToTheNoiseRule() {
    long[] hits = {0, 1, 1_000_001, 1_000_000, 0, 1, 0};
    FunctionStats before =
        new FunctionStats(WALK, hits, new long[] {0, 400, 40_000_000, 10_000_000, 0, 300, 0});
    // the loop header +50 %: a million probe events of 30 ns calibrated may be all of its time
    FunctionStats after =
        new FunctionStats(WALK, hits, new long[] {0, 400, 60_000_000, 10_000_000, 0, 300, 0});
    RunInfo exact =
        new RunInfo(RUN.started(), "exact", Map.of(), RUN.jvm(), RUN.machine()).withProbeNanos(30);

    assertThat(
            PerformanceCheck.check(
                    new JsonReportReader.Report(new ProfileStats(List.of(before)), List.of(exact)),
                    new JsonReportReader.Report(new ProfileStats(List.of(after)), List.of(exact)),
                    CheckRule.defaults())
                .findings())
        .isEmpty();
    // the original's times hold no probe: the same change is a violation
    assertThat(
            PerformanceCheck.check(
                    new JsonReportReader.Report(new ProfileStats(List.of(before)), List.of(RUN)),
                    new JsonReportReader.Report(new ProfileStats(List.of(after)), List.of(RUN)),
                    CheckRule.defaults())
                .passed())
        .isFalse();
  }

  @Test
  void excludedFunctionsAreNotJudged() {
    Random random = new Random(8);
    List<CheckRule> rules =
        List.of(CheckRule.parse("element=LINE,includes=demo.**,excludes=demo.Walk.walk"));
    assertThat(
            PerformanceCheck.check(report(random, 5, 1, HITS), report(random, 5, 2, HITS), rules)
                .passed())
        .isTrue();
    assertThat(
            PerformanceCheck.check(
                    report(random, 5, 1, HITS),
                    report(random, 5, 2, HITS),
                    List.of(CheckRule.parse("element=LINE,includes=demo.*.walk")))
                .passed())
        .isFalse();
  }

  /**
   * A report of walk taking about 1.5 µs, in {@code runs} runs, whose line 11 ({@code int s = 0;},
   * one hit) takes {@code line11} ns.
   */
  private static JsonReportReader.Report shortWalk(Random random, int runs, long line11) {
    return report(random, runs, new double[] {0, line11, 600, 800, 0, 100, 0}, 0.01, HITS);
  }

  @Test
  void aLineThatRanInBothIsNotNewAndTwentyNanosecondsFromZeroAreNoViolation() {
    Random random = new Random(9);
    for (int runs : new int[] {1, 5}) {
      PerformanceCheck.Outcome outcome =
          PerformanceCheck.check(
              shortWalk(random, runs, 0), shortWalk(random, runs, 20), CheckRule.defaults());

      assertThat(outcome.findings()).isEmpty();
    }
  }

  @Test
  void aLineFromZeroToAThirdOfItsFunctionIsAViolationInPointsOfTheFunction() {
    Random random = new Random(10);
    for (int runs : new int[] {1, 5}) {
      PerformanceCheck.Outcome outcome =
          PerformanceCheck.check(
              shortWalk(random, runs, 0), shortWalk(random, runs, 750), CheckRule.defaults());

      PerformanceCheck.Finding line = outcome.violations().get(0);
      assertThat(line.element()).isEqualTo("Walk.walk line 11");
      assertThat(line.message()).doesNotContain("new");
      assertThat(line.message())
          .containsMatch("\\(from 0 ns: \\+[45]\\d\\.\\d % of the function's time;");
    }
  }

  /**
   * Ten runs of walk whose line 15 ({@code return s}) got a sample in only some runs: {@code
   * sparse} nanoseconds in run r, the other lines steady.
   */
  private static JsonReportReader.Report sparseReturn(Random random, long[] sparse) {
    List<long[]> perRun = new ArrayList<>();
    long[] mean = new long[HITS.length];
    for (int r = 0; r < sparse.length; r++) {
      long[] run = new long[HITS.length];
      for (int i = 0; i < run.length; i++) {
        run[i] = i == 5 ? sparse[r] : Math.round(TIMES[i] * Math.exp(0.02 * random.nextGaussian()));
        mean[i] += run[i] / sparse.length;
      }
      perRun.add(run);
    }
    FunctionStats f = new FunctionStats(WALK, HITS, mean).withRunNanos(perRun);
    return new JsonReportReader.Report(new ProfileStats(List.of(f)), List.of(RUN));
  }

  @Test
  void aLineSomeRunsDidNotTimeIsSizedByItsFunctionsTime() {
    Random random = new Random(13);
    JsonReportReader.Report before =
        sparseReturn(random, new long[] {0, 0, 60, 0, 0, 120, 0, 0, 0, 0});
    // 120 ns a run more, on a function of 100 us: +660 % of itself, 0.1 % of its function
    JsonReportReader.Report after =
        sparseReturn(random, new long[] {150, 0, 200, 300, 0, 100, 250, 0, 150, 200});
    assertThat(PerformanceCheck.check(before, after, CheckRule.defaults()).findings()).isEmpty();

    // 32 us a run more is a third of the function
    JsonReportReader.Report grown =
        sparseReturn(
            random,
            new long[] {
              20_000, 30_000, 40_000, 30_000, 25_000, 40_000, 20_000, 35_000, 50_000, 30_000
            });
    PerformanceCheck.Finding finding =
        PerformanceCheck.check(before, grown, CheckRule.defaults()).violations().stream()
            .filter(v -> v.element().equals("Walk.walk line 15"))
            .findFirst()
            .orElseThrow();
    assertThat(finding.message())
        .containsMatch("; \\+3\\d\\.\\d % of the function's time, as some runs did not time it");
  }

  @Test
  void badRulesAreOneLine() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> CheckRule.parse("element=BLOCK"));
    assertThat(e).hasMessageThat().isEqualTo("element must be LINE or FUNCTION: 'BLOCK'");
    e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> CheckRule.parse("element=LINE,maxSlowdown=-3"));
    assertThat(e).hasMessageThat().isEqualTo("maxSlowdown must be a percentage from 0 up: '-3'");
  }
}
