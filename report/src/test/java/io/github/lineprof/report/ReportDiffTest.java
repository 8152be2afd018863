package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.report.WalkDiffFixtures.AFTER_WALK;
import static io.github.lineprof.report.WalkDiffFixtures.BEFORE_WALK;
import static io.github.lineprof.report.WalkDiffFixtures.run;

import io.github.lineprof.report.ReportDiff.FunctionDiff;
import io.github.lineprof.report.ReportDiff.Kind;
import io.github.lineprof.report.ReportDiff.LineDiff;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
  private static final FunctionInfo GONE =
      new FunctionInfo(
          "demo/Walk.java", "Walk.gone", 30, List.of("static void gone() {", "  work();", "}"));
  private static final FunctionInfo ADDED =
      new FunctionInfo(
          "demo/Walk.java", "Walk.added", 40, List.of("static void added() {", "  work();", "}"));

  private static JsonReportReader.Report report(RunInfo run, FunctionStats... functions) {
    return new JsonReportReader.Report(new ProfileStats(List.of(functions)), List.of(run));
  }

  private static ReportDiff walkDiff() {
    return ReportDiff.of(
        report(
            run("exact", null),
            BEFORE_WALK,
            new FunctionStats(GONE, new long[] {0, 1, 0}, new long[] {0, 100_000, 0})),
        report(
            run("exact", null),
            new FunctionStats(ADDED, new long[] {0, 1, 0}, new long[] {0, 3_000_000, 0}),
            AFTER_WALK));
  }

  private static LineDiff line(FunctionDiff f, String text) {
    return f.lines().stream()
        .filter(l -> l.source().strip().equals(text))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void linesAreMatchedByTheirTextAcrossMovesInsertionsAndDeletions() {
    FunctionDiff walk =
        walkDiff().functions().stream()
            .filter(f -> f.info().name().equals("Walk.walk"))
            .findFirst()
            .orElseThrow();

    assertThat(walk.location()).isEqualTo("demo/Walk.java:10 -> 12");
    assertThat(
            walk.lines().stream()
                .map(l -> l.kind() + " " + l.beforeLine() + " " + l.afterLine())
                .toList())
        .containsExactly(
            "SAME 10 12",
            "SAME 11 13",
            "DELETED 12 0",
            "INSERTED 0 14",
            "SAME 13 15",
            "SAME 14 16",
            "SAME 15 17",
            "INSERTED 0 18",
            "SAME 16 19",
            "SAME 17 20")
        .inOrder();
    // re-indented, still the same statement
    LineDiff step = line(walk, "s += step(i);");
    assertThat(step.kind()).isEqualTo(Kind.SAME);
    assertThat(step.change()).isEqualTo(-500_000);
    LineDiff inserted = line(walk, "s *= 2;");
    assertThat(inserted.before().hits()).isEqualTo(0);
    assertThat(inserted.after().nanos()).isEqualTo(90);
    assertThat(line(walk, "int s = 0;").kind()).isEqualTo(Kind.DELETED);
  }

  @Test
  void functionsOfOneRunAreListedAndTheLargestChangeComesFirst() {
    List<FunctionDiff> functions = walkDiff().functions();

    assertThat(functions.stream().map(f -> f.info().name()).toList())
        .containsExactly("Walk.added", "Walk.walk", "Walk.gone")
        .inOrder();
    assertThat(functions.get(0).before()).isNull();
    assertThat(functions.get(0).change()).isEqualTo(3_000_000);
    assertThat(functions.get(2).after()).isNull();
    assertThat(functions.get(2).change()).isEqualTo(-100_000);
  }

  @Test
  void exactRunsFlagChangesBelowFivePercentOfTheLineOrOnePercentOfTheFunction() {
    FunctionDiff walk = walkDiff().functions().get(1);

    assertThat(line(walk, "for (int i = 0; i < n; i++) {").noise())
        .isTrue(); // 2100 -> 2150 ns: 2.4 %
    assertThat(line(walk, "int s = 1;").noise()).isTrue(); // 420 ns of a 1 ms function
    assertThat(line(walk, "s += step(i);").noise()).isFalse(); // halved
    assertThat(walk.noise()).isFalse();
  }

  @Test
  void sampledTimesAreJudgedByTheirSampleCountsOrTheStatedPrecision() {
    FunctionInfo info =
        new FunctionInfo("A.java", "A.a", 1, List.of("void a() {", "  work();", "}"));
    FunctionStats before =
        new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 1_000_000, 0});
    FunctionStats after =
        new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 1_300_000, 0});
    long[] fewSamples = {0, 100, 0};
    long[] manySamples = {0, 100_000, 0};

    // +30 %: beyond the 20 % floor of counted times
    assertThat(lineNoise(run("exact", null), before, after)).isFalse();
    // 100 samples a run: +-19.6 % and +-25.5 % at 95 %, combined +-32.1 % of the before
    assertThat(
            lineNoise(
                run("original", null),
                before.withSamples(fewSamples),
                after.withSamples(fewSamples)))
        .isTrue();
    assertThat(
            lineNoise(
                run("original", null),
                before.withSamples(manySamples),
                after.withSamples(manySamples)))
        .isFalse();
    // the same rule for sampled mode's samples: it goes by the samples, whatever the mode
    assertThat(
            lineNoise(
                run("sampled", null),
                before.withSamples(fewSamples),
                after.withSamples(fewSamples)))
        .isTrue();
    assertThat(
            lineNoise(
                run("sampled", null),
                before.withSamples(manySamples),
                after.withSamples(manySamples)))
        .isFalse();
    // older reports: the worst line's precision the run stated, +-20 points of 1.3 ms a run
    assertThat(
            lineNoise(
                run("original", "JFR events of the original, 900 samples; +-20.0 points at 95%"),
                before,
                after))
        .isTrue();
    assertThat(
            lineNoise(
                run("original", "JFR events of the original, 9e5 samples; +-1.0 points at 95%"),
                before,
                after))
        .isFalse();
  }

  private static final FunctionInfo LOOP =
      new FunctionInfo(
          "A.java",
          "A.loop",
          1,
          List.of(
              "void loop() {",
              "  for (int i = 0; i < n; i++) {",
              "    if (i % 1000 == 0) {",
              "      work();",
              "    }",
              "  }",
              "}"));

  /**
   * A loop of a million cheap hits at 40 ns each in the copy's time, whose header takes {@code
   * headerNanos} in all, and a line hit 1,000 times at {@code workNanos} each.
   */
  private static FunctionStats loop(long headerNanos, long workNanos) {
    return new FunctionStats(
        LOOP,
        new long[] {0, 1_000_001, 1_000_000, 1_000, 0, 0, 0},
        new long[] {0, headerNanos, 40_000_000, 1_000 * workNanos, 0, 0, 0});
  }

  private static ReportDiff copyDiff(RunInfo run, FunctionStats before, FunctionStats after) {
    return ReportDiff.of(report(run, before), report(run, after));
  }

  @Test
  void copyTimesWithinTheirProbesCostAreNoiseAndTwiceTheWorkIsStillAChange() {
    // a probe event costs 30 ns calibrated, up to 120 ns in the program: the header's million hits
    // may be probes all through, 40 ms and 60 ms
    RunInfo exact = run("exact", null).withProbeNanos(30);
    FunctionDiff identical =
        copyDiff(exact, loop(40_000_000, 100_000), loop(60_000_000, 100_000)).functions().get(0);
    FunctionDiff twice =
        copyDiff(exact, loop(40_000_000, 1_000_000), loop(40_000_000, 2_000_000))
            .functions()
            .get(0);

    // +50 %, 20 ms: within 100 ms, what the probes may cost in both runs
    assertThat(line(identical, "for (int i = 0; i < n; i++) {").noise()).isTrue();
    assertThat(identical.noise()).isTrue();
    // the same change in original mode, whose times hold no probe, is a change
    assertThat(
            line(
                    copyDiff(
                            run("original", null),
                            loop(40_000_000, 100_000),
                            loop(60_000_000, 100_000))
                        .functions()
                        .get(0),
                    "for (int i = 0; i < n; i++) {")
                .noise())
        .isFalse();
    // 1 ms per hit, far above a probe's 30 ns: twice the work is a change, of its function too
    assertThat(line(twice, "work();").change()).isEqualTo(1_000_000_000);
    assertThat(line(twice, "work();").noise()).isFalse();
    assertThat(twice.noise()).isFalse();
  }

  @Test
  void aLineCallingAProfiledFunctionMayHoldThatFunctionsProbes() {
    FunctionInfo caller =
        new FunctionInfo("A.java", "A.run", 1, List.of("void run() {", "  mix(x);", "}"));
    FunctionInfo mix =
        new FunctionInfo(
            "A.java",
            "A.mix",
            10,
            List.of("void mix(long x) {", "  for (int r = 0; r < 64; r++) {", "  }", "}"));
    FunctionStats mixStats =
        new FunctionStats(mix, new long[] {0, 65_000, 0, 0}, new long[] {0, 1_000_000, 0, 0});
    RunInfo sampled = run("sampled", null).withProbeNanos(5);
    FunctionStats calls10 =
        new FunctionStats(caller, new long[] {0, 1000, 0}, new long[] {0, 10_000_000, 0});
    FunctionStats calls11 =
        new FunctionStats(caller, new long[] {0, 1000, 0}, new long[] {0, 14_000_000, 0});

    // 1,000 calls of mix, 65 events each, up to 4 x 5 ns each: 1.32 ms a run with the line's own
    LineDiff profiledCallee =
        line(
            function(
                ReportDiff.of(
                    report(sampled, calls10, mixStats), report(sampled, calls11, mixStats)),
                "A.run"),
            "mix(x);");
    LineDiff plainCallee =
        line(
            function(ReportDiff.of(report(sampled, calls10), report(sampled, calls11)), "A.run"),
            "mix(x);");

    // +4 ms: within the 2.8 ms floor and 2.64 ms of probes in the two runs, beyond the floor and
    // the line's own 40 us
    assertThat(profiledCallee.after().probeNanos()).isEqualTo(66_000 * 4 * 5);
    assertThat(profiledCallee.noise()).isTrue();
    assertThat(plainCallee.noise()).isFalse();
  }

  private static FunctionDiff function(ReportDiff diff, String name) {
    return diff.functions().stream()
        .filter(f -> f.info().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void sampledTimesAddTheirSamplingErrorToTheProbesCost() {
    RunInfo sampled = run("sampled", null).withProbeNanos(5);
    long[] samples = {0, 16, 400, 10, 0, 0, 0};
    // the header: 16 samples of 40 ms, +-19.6 ms, and 25 of 105 ms, +-41.2 ms: +-45.6 ms combined,
    // above the 21 ms floor; the probes: 1,000,001 hits at up to 4 x 5 ns, 20 ms in each run
    FunctionStats before = loop(40_000_000, 100_000).withSamples(samples);
    FunctionStats within =
        loop(105_000_000, 100_000).withSamples(new long[] {0, 25, 400, 10, 0, 0, 0});
    FunctionStats beyond =
        loop(150_000_000, 100_000).withSamples(new long[] {0, 25, 400, 10, 0, 0, 0});

    // +65 ms: beyond the sampling error alone (+-45.6 ms), the probes' alone (40 ms) and the floor
    // with them (61 ms), within the sampling error and the probes
    assertThat(
            line(
                    copyDiff(sampled, before, within).functions().get(0),
                    "for (int i = 0; i < n; i++) {")
                .noise())
        .isTrue();
    assertThat(
            line(
                    copyDiff(run("original", null), before, within).functions().get(0),
                    "for (int i = 0; i < n; i++) {")
                .noise())
        .isFalse();
    // +110 ms: beyond both (+-61.9 ms and 40 ms)
    assertThat(
            line(
                    copyDiff(sampled, before, beyond).functions().get(0),
                    "for (int i = 0; i < n; i++) {")
                .noise())
        .isFalse();
  }

  @Test
  void theFooterStatesEachRunsProbeCost() {
    String text =
        DiffReports.text(
            ReportDiff.of(
                report(run("exact", null).withProbeNanos(29.5), loop(40_000_000, 100_000)),
                report(run("sampled", null).withProbeNanos(5), loop(40_000_000, 100_000))),
            "before",
            "after");

    assertThat(text)
        .contains(
            "times 4 times the run's calibrated cost per event (before 29.5 ns, after 5.0 ns)");
    assertThat(
            DiffReports.text(
                ReportDiff.of(
                    report(run("original", null), loop(40_000_000, 100_000)),
                    report(run("original", null), loop(40_000_000, 100_000))),
                "before",
                "after"))
        .doesNotContain("cost per event");
  }

  private static boolean lineNoise(RunInfo run, FunctionStats before, FunctionStats after) {
    return line(
            ReportDiff.of(report(run, before), report(run, after)).functions().get(0), "work();")
        .noise();
  }

  @Test
  void theTextDiffShowsControlCharactersAsEscapesNotToTheTerminal() {
    FunctionInfo info =
        new FunctionInfo(
            "A.java",
            "A.\u001b[2Ja",
            1,
            List.of("void a() {", "  work(); // \u001b[31mred\u0007", "}"));
    FunctionStats before = new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 1_000, 0});
    FunctionStats after = new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 2_000, 0});

    String text =
        DiffReports.text(
            ReportDiff.of(report(run("exact", null), before), report(run("exact", null), after)),
            "before",
            "after");

    assertThat(text).doesNotContain("\u001b");
    assertThat(text).doesNotContain("\u0007");
    assertThat(text).contains("work(); // \\u001b[31mred\\u0007");
    assertThat(text).contains("A.\\u001b[2Ja");
  }
}
