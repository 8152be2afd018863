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
        new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 1_150_000, 0});
    long[] fewSamples = {0, 100, 0};
    long[] manySamples = {0, 100_000, 0};

    // +15 %: beyond the 5 % floor of counted times
    assertThat(lineNoise(run("exact", null), before, after)).isFalse();
    // 100 samples a run: +-19.6 % and +-22.5 % at 95 %, combined +-29.9 %
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
    // older reports: the worst line's precision the run stated, +-10 points of 1.15 ms a run
    assertThat(
            lineNoise(
                run("original", "JFR events of the original, 900 samples; +-10.0 points at 95%"),
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
