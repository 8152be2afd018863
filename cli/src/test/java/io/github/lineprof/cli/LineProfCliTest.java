package io.github.lineprof.cli;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.JsonReport;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.MarkdownReport;
import io.github.lineprof.report.RunNotes;
import io.github.lineprof.report.TextOptions;
import io.github.lineprof.report.TextReport;
import io.github.lineprof.report.WalkDiffFixtures;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineProfCliTest {
  private static final FunctionInfo WALK = WalkDiffFixtures.WALK_BEFORE;
  private static final FunctionInfo NEVER =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.never",
          20,
          List.of("@LineProfile", "static void never() {", "}"));
  private static final ProfileStats A =
      new ProfileStats(
          List.of(
              new FunctionStats(NEVER, new long[3], new long[3]),
              new FunctionStats(
                  WALK,
                  new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                  new long[] {0, 0, 450, 2_100, 1_234_567, 0, 380, 0})));
  private static final ProfileStats B =
      new ProfileStats(
          List.of(
              new FunctionStats(
                  WALK,
                  new long[] {0, 0, 2, 22, 20, 0, 2, 0},
                  new long[] {0, 0, 900, 4_000, 2_000_000, 0, 700, 0})));
  private static final List<RunInfo> RUNS_A = List.of(run("2026-01-01T10:00:00Z"));
  private static final List<RunInfo> RUNS_B = List.of(run("2026-01-02T10:00:00Z"));

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static RunInfo run(String started) {
    return run(started, "exact");
  }

  private static RunInfo run(String started, String mode) {
    return new RunInfo(
        Instant.parse(started),
        mode,
        Map.of("warmup", "20"),
        new RunInfo.Jvm("vendor", "17", "vm", "17+1", List.of()),
        new RunInfo.Machine("Linux", "6", "amd64", 2));
  }

  private int lineprof(String... args) {
    return LineProfCli.commandLine()
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private Path reportA() throws IOException {
    return file("a.json", JsonReport.write(A, RUNS_A));
  }

  private Path reportB() throws IOException {
    return file("b.json", JsonReport.write(B, RUNS_B));
  }

  private void assertShows(TextOptions options, String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("show", reportA().toString()));
    args.addAll(List.of(flags));
    out.getBuffer().setLength(0);
    assertThat(lineprof(args.toArray(String[]::new))).isEqualTo(0);
    assertThat(out.toString()).isEqualTo(TextReport.format(A, options) + RunNotes.text(RUNS_A));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void showPrintsTheTextReportWithEachOption() throws IOException {
    TextOptions defaults = TextOptions.defaults();
    assertShows(defaults);
    assertShows(defaults.withOutputUnit(1e-6), "-u", "1e-6");
    assertShows(defaults.withStripZeros(true), "-z");
    assertShows(defaults.withSummarize(true), "-m");
    assertShows(defaults.withSortByTime(true), "-t");
    assertShows(
        defaults.withOutputUnit(1e-3).withStripZeros(true).withSummarize(true).withSortByTime(true),
        "--unit",
        "1e-3",
        "--skip-zero",
        "--summarize",
        "--sort");
  }

  @Test
  void showWritesMarkdownAndHtml() throws IOException {
    Path markdown = dir.resolve("summary.md");
    Path html = dir.resolve("html");

    assertThat(
            lineprof(
                "show",
                reportA().toString(),
                "--markdown",
                markdown.toString(),
                "--html",
                html.toString()))
        .isEqualTo(0);

    assertThat(out.toString())
        .isEqualTo(TextReport.format(A, TextOptions.defaults()) + RunNotes.text(RUNS_A));
    assertThat(Files.readString(markdown)).isEqualTo(MarkdownReport.format(A, RUNS_A, 5));
    assertThat(Files.exists(html.resolve("index.html"))).isTrue();
  }

  @Test
  void mergeWritesTheSumOfItsInputs() throws Exception {
    Path merged = dir.resolve("out/all.json");

    assertThat(
            lineprof("merge", reportA().toString(), reportB().toString(), "-o", merged.toString()))
        .isEqualTo(0);

    List<RunInfo> runs = new ArrayList<>(RUNS_A);
    runs.addAll(RUNS_B);
    assertThat(Files.readString(merged)).isEqualTo(JsonReport.write(A.plus(B), runs));
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  /** Exit code 2, one line on stderr, nothing on stdout, and the directory as it was. */
  private String badInput(String... args) throws IOException {
    List<Path> before = listing();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(lineprof(args)).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).endsWith("\n");
    assertThat(err.toString().strip()).doesNotContain("\n");
    assertThat(listing()).isEqualTo(before);
    return err.toString().strip();
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws IOException {
    String a = reportA().toString();
    String md = dir.resolve("summary.md").toString();
    Path missing = dir.resolve("missing.json");
    Path corrupt = file("corrupt.json", "{\"schema\": \"lineprof-report\", \"format_");
    Path foreign = file("foreign.json", "{\"foo\":1}");

    assertThat(badInput("show", missing.toString(), "--markdown", md))
        .isEqualTo("lineprof: cannot read " + missing + ": no such file or directory");
    assertThat(badInput("show", corrupt.toString(), "--markdown", md))
        .isEqualTo("lineprof: " + corrupt + ": not JSON: Unterminated string at line 1 column 39");
    assertThat(badInput("show", foreign.toString(), "--html", dir.resolve("html").toString()))
        .isEqualTo("lineprof: " + foreign + ": not a lineprof report: no \"schema\" field");
    assertThat(badInput("show", "/dev/zero"))
        .isEqualTo("lineprof: /dev/zero: not JSON: malformed JSON at line 1 column 1");
    assertThat(badInput("show", a, "-u", "0"))
        .isEqualTo("lineprof: --unit must be a positive number of seconds, e.g. 1e-6: 0.0");
    assertThat(badInput("show", a, "-u", "Infinity"))
        .isEqualTo("lineprof: --unit must be a positive number of seconds, e.g. 1e-6: Infinity");
    assertThat(badInput("show", a, "-u", "micro"))
        .isEqualTo("lineprof: Invalid value for option '--unit': 'micro' is not a double");
    assertThat(badInput("show", a, "--bogus")).isEqualTo("lineprof: Unknown option: '--bogus'");
    assertThat(badInput("show")).isEqualTo("lineprof: Missing required parameter: 'REPORT'");
    assertThat(badInput())
        .isEqualTo("lineprof: missing command: show, merge, diff or check (see lineprof --help)");
    assertThat(badInput("merge", a))
        .isEqualTo("lineprof: Missing required option: '--output=FILE'");
    assertThat(badInput("diff", a)).isEqualTo("lineprof: Missing required parameter: 'AFTER'");
    assertThat(badInput("diff", a, foreign.toString()))
        .isEqualTo("lineprof: " + foreign + ": not a lineprof report: no \"schema\" field");
    assertThat(badInput("diff", a, a, "--format", "pdf"))
        .startsWith("lineprof: Invalid value for option '--format'");
    assertThat(badInput("show", a, "--markdown", a + "/summary.md"))
        .isEqualTo(
            "lineprof: cannot write " + a + "/summary.md: " + a + " exists and is not a directory");
  }

  @Test
  void failedMergeLeavesAnExistingOutputUntouched() throws IOException {
    Path output = file("all.json", "previous content");
    Path corrupt = file("corrupt.json", "{\"schema\": \"lineprof-report\", \"format_version\": 7}");

    assertThat(badInput("merge", reportA().toString(), corrupt.toString(), "-o", output.toString()))
        .isEqualTo(
            "lineprof: "
                + corrupt
                + ": unsupported format_version 7; this lineprof reads version 1");

    assertThat(Files.readString(output)).isEqualTo("previous content");
  }

  @Test
  void mergeRefusesTheSameFunctionWithOtherLines() throws IOException {
    FunctionInfo longer =
        new FunctionInfo(WALK.file(), WALK.name(), WALK.firstLine(), List.of("a", "b"));
    Path changed =
        file(
            "changed.json",
            JsonReport.write(
                new ProfileStats(List.of(new FunctionStats(longer, new long[2], new long[2]))),
                RUNS_B));

    assertThat(
            badInput(
                "merge",
                reportA().toString(),
                changed.toString(),
                "-o",
                dir.resolve("all.json").toString()))
        .startsWith("lineprof: " + changed + ": cannot merge: ");
  }

  @Test
  void helpIsNotAnError() {
    assertThat(lineprof("show", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--skip-zero");
  }

  @Test
  void showEndsWithTheNotesTheRunPrinted() throws IOException {
    RunInfo run =
        new RunInfo(
                Instant.parse("2026-01-01T10:00:00Z"),
                "sampled",
                Map.of("calibration", "29.0 ns per line event subtracted", "samples", "5012"),
                new RunInfo.Jvm("vendor", "17", "vm", "17+1", List.of()),
                new RunInfo.Machine("Linux", "6", "amd64", 2))
            .withSources(
                "instrumented copy, 21 invocations",
                "JFR samples of the original, 10234 samples, period 1 ms")
            .withUnreliableLines(List.of("demo/Walk.java:13: within 2 ns of the probe cost"));
    Path report = file("notes.json", JsonReport.write(A, List.of(run)));

    assertThat(lineprof("show", report.toString())).isEqualTo(0);

    assertThat(out.toString())
        .isEqualTo(
            TextReport.format(A, TextOptions.defaults())
                + "lineprof: sampled mode; calibration: 29.0 ns per line event subtracted; samples: 5012\n"
                + "lineprof: Hits: instrumented copy, 21 invocations; Time: JFR samples of the original, 10234 samples, period 1 ms\n"
                + "lineprof: unreliable: demo/Walk.java:13: within 2 ns of the probe cost\n");
  }

  @Test
  void versionIsTheJarsImplementationVersion() {
    assertThat(lineprof("--version")).isEqualTo(0);
    // Run from target/classes here; CliJarIT checks the version the jar prints.
    assertThat(out.toString()).isEqualTo("lineprof (version unknown: not run from its jar)\n");
  }

  @Test
  void mergeRefusesTheSameRunTwice() throws IOException {
    Path a = file("a.json", JsonReport.write(A, List.of(RunInfo.current("exact", Map.of()))));
    Path copy = file("copy.json", Files.readString(a));

    String error =
        badInput("merge", a.toString(), copy.toString(), "-o", dir.resolve("all.json").toString());

    assertThat(error).startsWith("lineprof: " + copy + ": cannot merge: run ");
    assertThat(error).endsWith(" is also in " + a + "; merging it twice would count it twice");
    assertThat(
            badInput("merge", a.toString(), a.toString(), "-o", dir.resolve("all.json").toString()))
        .isEqualTo(error.replace(copy.toString(), a.toString()));
  }

  @Test
  void mergeRefusesRunsOfDifferentModes() throws IOException {
    Path exact =
        file("exact.json", JsonReport.write(A, List.of(RunInfo.current("exact", Map.of()))));
    Path sampled =
        file("sampled.json", JsonReport.write(B, List.of(RunInfo.current("sampled", Map.of()))));

    String error =
        badInput(
            "merge",
            exact.toString(),
            sampled.toString(),
            "-o",
            dir.resolve("all.json").toString());

    assertThat(error)
        .isEqualTo(
            "lineprof: "
                + sampled
                + ": cannot merge: its run is in sampled mode, the runs"
                + " before it in exact mode; their times are not of the same kind");
  }

  @Test
  void reportsWithoutRunIdsAreRefusedTwiceByTheirContent() throws IOException {
    String a = reportA().toString();

    assertThat(badInput("merge", a, a, "-o", dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + a
                + ": cannot merge: its run of 2026-01-01T10:00:00Z (no id: an older report) is"
                + " also in "
                + a
                + "; merging it twice would count it twice");
  }

  /** Exit code and standard error of the command, its standard output going to /dev/full. */
  private static Object[] toFullOutput(String... args) throws IOException {
    StringWriter errors = new StringWriter();
    try (PrintWriter full =
        new PrintWriter(
            new java.io.OutputStreamWriter(
                new java.io.FileOutputStream("/dev/full"), StandardCharsets.UTF_8))) {
      int exit =
          LineProfCli.commandLine().setOut(full).setErr(new PrintWriter(errors)).execute(args);
      return new Object[] {exit, errors.toString()};
    }
  }

  @Test
  void aFullOrClosedStandardOutputIsAnError() throws IOException {
    assertThat(toFullOutput("show", reportA().toString()))
        .asList()
        .containsExactly(2, "lineprof: cannot write the standard output\n")
        .inOrder();
  }

  @Test
  void mergeRefusesTheSameFunctionWithAnotherText() throws IOException {
    List<String> edited = new ArrayList<>(WALK.lines());
    edited.set(4, "    s += step(i) * 2;");
    FunctionInfo changed = new FunctionInfo(WALK.file(), WALK.name(), WALK.firstLine(), edited);
    Path b =
        file(
            "changed.json",
            JsonReport.write(
                new ProfileStats(List.of(new FunctionStats(changed, new long[8], new long[8]))),
                RUNS_B));

    assertThat(
            badInput(
                "merge",
                reportA().toString(),
                b.toString(),
                "-o",
                dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + b
                + ": cannot merge: Walk.walk (demo/Walk.java:10): the source text differs between the runs");
  }

  @Test
  void mergeRefusesABeforeAndAnAfterRunOfAMovedFunction() throws IOException {
    // The after run: two lines were added above Walk.walk, which now starts at line 12.
    FunctionInfo moved =
        new FunctionInfo(WALK.file(), WALK.name(), WALK.firstLine() + 2, WALK.lines());
    Path after =
        file(
            "after.json",
            JsonReport.write(
                new ProfileStats(List.of(new FunctionStats(moved, new long[8], new long[8]))),
                RUNS_B));
    Path output = dir.resolve("all.json");

    assertThat(badInput("merge", reportA().toString(), after.toString(), "-o", output.toString()))
        .isEqualTo(
            "lineprof: "
                + after
                + ": cannot merge: Walk.walk (demo/Walk.java) starts at line 12 here and"
                + " at line 10 in the reports before it: its source changed between the runs (lineprof diff compares"
                + " a before and an after run)");
    assertThat(Files.exists(output)).isFalse();
  }

  @Test
  void mergeKeepsAFunctionOfOnlyOneReportWhoseNameIsMatchedElsewhere() throws IOException {
    // An overload added in the second run, beside the unchanged Walk.walk: a new function, not a
    // changed one.
    FunctionInfo overload =
        new FunctionInfo(WALK.file(), WALK.name(), 30, List.of("static int walk() {", "}"));
    ProfileStats second =
        new ProfileStats(List.of(new FunctionStats(overload, new long[2], new long[2]))).plus(B);
    Path merged = dir.resolve("all.json");

    assertThat(
            lineprof(
                "merge",
                reportA().toString(),
                file("b.json", JsonReport.write(second, RUNS_B)).toString(),
                "-o",
                merged.toString()))
        .isEqualTo(0);
    assertThat(
            JsonReportReader.read(Files.readString(merged)).stats().functions().stream()
                .map(f -> f.info().firstLine())
                .toList())
        .containsExactly(20, 10, 30);
  }

  @Test
  void mergeRefusesSumsBeyondALong() throws IOException {
    long[] hits = {0, 0, Long.MAX_VALUE, 0, 0, 0, 0, 0};
    Path big =
        file(
            "big.json",
            JsonReport.write(
                new ProfileStats(List.of(new FunctionStats(WALK, hits, new long[8]))), RUNS_B));

    assertThat(
            badInput(
                "merge",
                reportA().toString(),
                big.toString(),
                "-o",
                dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + big
                + ": cannot merge: Walk.walk, line 12: the sum is beyond the largest count, "
                + Long.MAX_VALUE);
  }

  @Test
  void numbersAndLineRangesOutOfBoundsAreBadInput() throws IOException {
    String json = JsonReport.write(A, RUNS_A);
    Path huge =
        file(
            "huge.json",
            json.replaceFirst("\"nanos\": \\[\n        0,", "\"nanos\": [\n        1e2147483648,"));
    Path far = file("far.json", json.replace("\"first_line\": 10,", "\"first_line\": 2147483647,"));

    assertThat(badInput("show", huge.toString()))
        .isEqualTo(
            "lineprof: "
                + huge
                + ": functions[0].nanos[0]: expected a whole number from 0 up, got 1e2147483648");
    assertThat(badInput("merge", far.toString(), "-o", dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + far
                + ": functions[1] (Walk.walk): 8 lines from first_line 2147483647 go beyond "
                + "the largest line number, 2147483647");
  }

  @Test
  void showAddsTheBytesColumnOnlyWhenAsked() throws IOException {
    ProfileStats measured =
        new ProfileStats(
            List.of(
                new FunctionStats(
                        WALK,
                        new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                        new long[] {0, 0, 450, 2_100, 1_234_567, 0, 380, 0})
                    .withBytes(new long[] {0, 0, 0, 0, 40_960, 0, 0, 0})));
    Path report = file("bytes.json", JsonReport.write(measured, RUNS_A));

    assertThat(lineprof("show", report.toString())).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(TextReport.format(measured, TextOptions.defaults()) + RunNotes.text(RUNS_A));
    out.getBuffer().setLength(0);
    assertThat(lineprof("show", report.toString(), "--allocations")).isEqualTo(0);
    assertThat(out.toString())
        .isEqualTo(
            TextReport.format(measured, TextOptions.defaults().withAllocations(true))
                + RunNotes.text(RUNS_A));
    assertThat(out.toString()).contains("   Bytes  Line Contents\n");
    assertThat(out.toString()).contains("       40960      s += step(i);\n");
  }

  /** Report A's functions, line 14 taking {@code nanos}. */
  private static ProfileStats walkTaking(long nanos) {
    return new ProfileStats(
        List.of(
            new FunctionStats(NEVER, new long[3], new long[3]),
            new FunctionStats(
                WALK,
                new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                new long[] {0, 0, 450, 2_100, nanos, 0, 380, 0})));
  }

  @Test
  void mergeWithRepeatsKeepsEachReportApartAsARunThatCheckCanTest() throws IOException {
    List<String> baseline = new ArrayList<>(List.of("merge", "--repeats"));
    List<String> candidate = new ArrayList<>(baseline);
    for (int r = 0; r < 4; r++) {
      String day = "2026-01-0" + (r + 1);
      baseline.add(
          file(
                  "a" + r + ".json",
                  JsonReport.write(
                      walkTaking(1_200_000 + 10_000 * r), List.of(run(day + "T10:00:00Z"))))
              .toString());
      candidate.add(
          file(
                  "b" + r + ".json",
                  JsonReport.write(
                      walkTaking(2_400_000 + 10_000 * r), List.of(run(day + "T10:30:00Z"))))
              .toString());
    }
    Path base = dir.resolve("base.json");
    Path head = dir.resolve("head.json");
    baseline.addAll(List.of("-o", base.toString()));
    candidate.addAll(List.of("-o", head.toString()));

    assertThat(lineprof(baseline.toArray(String[]::new))).isEqualTo(0);
    assertThat(lineprof(candidate.toArray(String[]::new))).isEqualTo(0);

    JsonReportReader.Report merged = JsonReportReader.read(Files.readString(base));
    assertThat(merged.runs()).hasSize(4);
    FunctionStats walk =
        merged.stats().functions().stream()
            .filter(f -> f.info().equals(WALK))
            .findFirst()
            .orElseThrow();
    assertThat(walk.runCount()).isEqualTo(4);
    assertThat(walk.runNanos(3, 14)).isEqualTo(1_230_000);
    assertThat(walk.nanos(14)).isEqualTo(1_215_000);
    assertThat(walk.hits(14)).isEqualTo(10);

    assertThat(lineprof("check", base.toString(), head.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("Walk.walk line 14: time 1.2 ms -> 2.4 ms (+98.8 %; +98.8 % relative to");
    assertThat(err.toString()).contains("Welch's t-test of 4 and 4 runs");
  }

  @Test
  void mergeWithRepeatsRefusesReportsOfOtherWork() throws IOException {
    String a = reportA().toString();
    String b = reportB().toString();
    assertThat(badInput("merge", "--repeats", a, b, "-o", dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + b
                + ": cannot merge as repeats: Walk.walk line 12 ran 2 times here, 1 in "
                + a
                + ": not repeats of the same work (a merge without repeats sums them)");
  }

  @Test
  void checkOfIdenticalReportsPasses() throws IOException {
    assertThat(lineprof("check", reportA().toString(), reportA().toString())).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("lineprof check: passed (0 change(s) within the rules)\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkOfADoubledLineFailsNamingItAndWritesTheMarkdown() throws IOException {
    ProfileStats doubled =
        new ProfileStats(
            List.of(
                new FunctionStats(NEVER, new long[3], new long[3]),
                new FunctionStats(
                    WALK,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                    new long[] {0, 0, 450, 2_100, 2_469_134, 0, 380, 0})));
    Path slower = file("slower.json", JsonReport.write(doubled, RUNS_B));
    Path md = dir.resolve("check.md");
    assertThat(
            lineprof("check", reportA().toString(), slower.toString(), "--markdown", md.toString()))
        .isEqualTo(1);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "Walk.walk line 14: time 1.2 ms -> 2.5 ms (+100.0 %; the baseline keeps no runs apart");
    assertThat(lines.get(0)).endsWith("s += step(i);");
    assertThat(lines.get(1)).startsWith("Walk.walk: time");
    assertThat(Files.readString(md)).contains("## lineprof check: failed, 2 violations");
    assertThat(Files.readString(md)).contains("- Walk.walk line 14: time 1.2 ms -\\> 2.5 ms");
    assertThat(Files.readString(md)).contains(" `s += step(i);`\n");
  }

  @Test
  void checkOfBadInputIsOneLineAndExitTwo() throws IOException {
    assertThat(lineprof("check", reportA().toString(), file("bad.json", "{").toString()))
        .isEqualTo(2);
    assertThat(err.toString().lines().count()).isEqualTo(1);
    assertThat(err.toString()).startsWith("lineprof: " + dir.resolve("bad.json") + ": not JSON");
    err.getBuffer().setLength(0);
    assertThat(
            lineprof(
                "check", reportA().toString(), reportA().toString(), "--rule", "element=BLOCK"))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("lineprof: element must be LINE or FUNCTION: 'BLOCK'\n");
  }

  @Test
  void mergeRefusesLinesWhoseSumsFitButWhoseTotalDoesNot() throws IOException {
    long half = Long.MAX_VALUE / 2 + 1;
    Path first =
        file(
            "first.json",
            JsonReport.write(
                new ProfileStats(
                    List.of(
                        new FunctionStats(
                            WALK, new long[8], new long[] {0, 0, half, 0, 0, 0, 0, 0}))),
                RUNS_A));
    Path second =
        file(
            "second.json",
            JsonReport.write(
                new ProfileStats(
                    List.of(
                        new FunctionStats(
                            WALK, new long[8], new long[] {0, 0, 0, half, 0, 0, 0, 0}))),
                RUNS_B));

    assertThat(
            badInput(
                "merge",
                first.toString(),
                second.toString(),
                "-o",
                dir.resolve("all.json").toString()))
        .isEqualTo(
            "lineprof: "
                + second
                + ": cannot merge: Walk.walk: the nanos of its lines sum beyond the largest"
                + " count, "
                + Long.MAX_VALUE);
  }

  @Test
  void anOutputThatIsOneOfTheInputsIsRefusedAndTheInputKept() throws IOException {
    String a = reportA().toString();
    String b = file("b.json", JsonReport.write(walkTaking(1_300_000), RUNS_B)).toString();
    String kept = Files.readString(Path.of(a));

    assertThat(badInput("merge", "--repeats", a, b, "-o", a))
        .isEqualTo(
            "lineprof: cannot write "
                + a
                + ": it is the input "
                + a
                + ", which it would replace; write to another file");
    assertThat(badInput("diff", a, b, "-o", b)).contains("it is the input " + b);
    assertThat(badInput("show", a, "--markdown", a)).contains("it is the input " + a);
    assertThat(lineprof("check", a, b, "--markdown", b)).isEqualTo(2);
    assertThat(Files.readString(Path.of(a))).isEqualTo(kept);
    assertThat(JsonReportReader.read(Path.of(b)).stats().functions()).hasSize(2);
  }

  @Test
  void mergeWithRepeatsOfHugeTimesKeepsTheirMeanWithoutOverflow() throws IOException {
    long huge = 1L << 62;
    List<String> args = new ArrayList<>(List.of("merge", "--repeats"));
    for (int r = 0; r < 3; r++) {
      args.add(
          file(
                  "h" + r + ".json",
                  JsonReport.write(
                      walkTaking(huge), List.of(run("2026-01-0" + (r + 1) + "T10:00:00Z"))))
              .toString());
    }
    Path merged = dir.resolve("merged.json");
    args.addAll(List.of("-o", merged.toString()));

    assertThat(lineprof(args.toArray(String[]::new))).isEqualTo(0);
    FunctionStats walk =
        JsonReportReader.read(merged).stats().functions().stream()
            .filter(f -> f.info().equals(WALK))
            .findFirst()
            .orElseThrow();
    assertThat(walk.nanos(14)).isEqualTo(huge);
    assertThat(walk.runNanos(2, 14)).isEqualTo(huge);
  }

  @Test
  void mergeWithRepeatsKeepsSamplesOnlyWhenEveryReportHasThem() throws IOException {
    ProfileStats sampled =
        new ProfileStats(
            walkTaking(1_200_000).functions().stream()
                .map(f -> f.withSamples(new long[f.info().lines().size()]))
                .toList());
    String withSamples = file("s.json", JsonReport.write(sampled, RUNS_A)).toString();
    String without = file("n.json", JsonReport.write(walkTaking(1_300_000), RUNS_B)).toString();
    Path merged = dir.resolve("merged.json");

    for (List<String> order :
        List.of(List.of(withSamples, without), List.of(without, withSamples))) {
      assertThat(
              lineprof("merge", "--repeats", order.get(0), order.get(1), "-o", merged.toString()))
          .isEqualTo(0);
      assertThat(
              JsonReportReader.read(merged).stats().functions().stream()
                  .anyMatch(FunctionStats::hasSamples))
          .isFalse();
    }
  }

  @Test
  void aRuleThatSelectsNoFunctionOfBothReportsIsBadInput() throws IOException {
    String a = reportA().toString();

    assertThat(badInput("check", a, a, "--rule", "element=LINE,includes=Walk.walk"))
        .isEqualTo(
            "lineprof: the LINE rule (includes Walk.walk; at most 5 % slower) selects no function"
                + " of both reports, so it checks nothing; their functions are named with their"
                + " package, e.g. demo.Walk.never");
    String other =
        file(
                "other.json",
                JsonReport.write(
                    new ProfileStats(
                        List.of(
                            new FunctionStats(
                                new FunctionInfo(
                                    "demo/Other.java", "Other.run", 3, List.of("void run() {}")),
                                new long[1],
                                new long[1]))),
                    RUNS_B))
            .toString();
    assertThat(badInput("check", a, other))
        .isEqualTo(
            "lineprof: "
                + a
                + " and "
                + other
                + " share no function (by file and name): nothing to check");
  }

  @Test
  void aRuleKeyGivenTwiceIsBadInput() throws IOException {
    String a = reportA().toString();

    assertThat(badInput("check", a, a, "--rule", "element=LINE,element=FUNCTION"))
        .isEqualTo(
            "lineprof: rule 'element=LINE,element=FUNCTION': element is given twice; give it once");
  }

  @Test
  void checksVerdictOnAFullStandardOutputIsAnErrorAndItsHelpHasNoWarnings() throws IOException {
    String a = reportA().toString();
    assertThat(toFullOutput("check", a, a))
        .asList()
        .containsExactly(2, "lineprof: cannot write the standard output\n")
        .inOrder();

    assertThat(lineprof("check", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("(5 %) slower");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkRefusesReportsOfDifferentModes() throws IOException {
    String exact = reportA().toString();
    String sampled =
        file("sampled.json", JsonReport.write(A, List.of(run("2026-01-02T10:00:00Z", "sampled"))))
            .toString();

    assertThat(badInput("check", exact, sampled))
        .isEqualTo(
            "lineprof: the baseline was recorded in exact mode, the candidate in sampled mode: their"
                + " times are not of the same kind; check reports of one mode");
  }

  @Test
  void mergeRefusesAReportThatListsARunTwiceOrNone() throws IOException {
    RunInfo once = RunInfo.current("exact", Map.of());
    String twice = file("twice.json", JsonReport.write(A, List.of(once, once))).toString();
    String none = file("none.json", JsonReport.write(A, List.of())).toString();
    String out = dir.resolve("all.json").toString();

    assertThat(badInput("merge", "--repeats", twice, "-o", out))
        .isEqualTo("lineprof: " + twice + ": cannot merge: it lists run " + once.id() + " twice");
    assertThat(badInput("merge", "--repeats", none, none, "-o", out))
        .isEqualTo(
            "lineprof: "
                + none
                + ": cannot merge: it lists no run, so its runs could not be told from another's");
  }
}
