package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void summaryTableThenTopLinesOfEachFunction() {
    FunctionInfo never =
        new FunctionInfo(
            "demo/Walk.java",
            "Walk.never",
            20,
            List.of("@LineProfile", "static void never() {", "}"));
    ProfileStats stats =
        new ProfileStats(
            List.of(
                new FunctionStats(never, new long[3], new long[3]),
                new FunctionStats(
                    WalkDiffFixtures.WALK_BEFORE,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                    new long[] {0, 0, 500, 2_000, 1_497_000, 0, 500, 0})));

    assertThat(MarkdownReport.format(stats, List.of(), 3))
        .isEqualTo(
            """
        ## lineprof

        | Function | Total time | Calls | Location |
        | --- | ---: | ---: | --- |
        | `Walk.walk` | 1.5 ms | 1 | `demo/Walk.java:10` |
        | `Walk.never` | 0 ns | 0 | `demo/Walk.java:20` |

        Calls not counted by the run are the hits of the function's first line that ran.

        ### `Walk.walk`

        | Line | Hits | Time | % Time | Source |
        | ---: | ---: | ---: | ---: | --- |
        | 14 | 10 | 1.5 ms | 99.8% | `s += step(i);` |
        | 13 | 11 | 2.0 µs | 0.1% | `for (int i = 0; i < n; i++) {` |
        | 12 | 1 | 500 ns | 0.0% | `int s = 0;` |

        ### `Walk.never`

        Never ran.
        """);
  }

  @Test
  void pipesAndBackticksCannotBreakTheTable() {
    FunctionInfo info =
        new FunctionInfo(
            "a|b/C.java", "C.`f`", 1, List.of("void f() {", "  s = a | b + \"``\";", "}"));
    ProfileStats stats =
        new ProfileStats(
            List.of(new FunctionStats(info, new long[] {1, 1, 0}, new long[] {1, 1, 0})));

    String markdown = MarkdownReport.format(stats, List.of(), 5);

    assertThat(markdown).contains("| `` C.`f` `` | 2 ns | 1 | `a\\|b/C.java:1` |");
    assertThat(markdown).contains("| 2 | 1 | 1 ns | 50.0% | ``` s = a \\| b + \"``\"; ``` |");
  }

  @Test
  void aCraftedNameCannotInjectMarkdown() {
    String evil =
        "f\n\n# Owned\r\n[click](https://evil.example) <img src=x onerror=alert(1)>\u2028| *x* _y_";
    FunctionInfo info =
        new FunctionInfo(
            "Evil.java", evil, 1, List.of("void f() {", "  run();\u2028# not a heading", "}"));
    ProfileStats stats =
        new ProfileStats(
            List.of(new FunctionStats(info, new long[] {1, 1, 0}, new long[] {1, 1, 0})));
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-01-01T00:00:00Z"),
            "exact\n# Owned [x](y) *z* <b>",
            Map.of(),
            new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
            new RunInfo.Machine("Linux", "6", "amd64", 1));

    String markdown = MarkdownReport.format(stats, List.of(run), 5);

    // Every line is ours: a heading, a list item of notes, a table row, the note on calls, or
    // blank.
    for (String line : markdown.split("\n", -1)) {
      assertThat(line).matches("|## lineprof|### `.*`|- .*|\\| .* \\||Calls not counted .*");
    }
    assertThat(markdown).contains("- exact \\# Owned \\[x\\]\\(y\\) \\*z\\* \\<b\\> mode\n");
    assertThat(markdown)
        .contains(
            "| `f  # Owned [click](https://evil.example) <img src=x onerror=alert(1)> \\| *x* _y_` |");
  }

  @Test
  void controlCharactersOfTheSourceShowAsEscapesAsInTheTextReport() {
    // ESC (an ANSI colour), BEL, a C1 CSI, a bidi override and an isolate: none may reach a
    // terminal or a viewer.
    String hostile = "\tString s = \"\u001b[31mred\u0007\u009b2J\u202eevil\u2066\";";
    FunctionInfo info =
        new FunctionInfo("A.java", "A.f\u001b[2J", 1, List.of("void f() {", hostile, "}"));
    ProfileStats stats =
        new ProfileStats(
            List.of(new FunctionStats(info, new long[] {1, 1, 0}, new long[] {1, 1, 0})));

    String markdown = MarkdownReport.format(stats, List.of(), 5);

    assertThat(markdown)
        .contains("`String s = \"\\u001b[31mred\\u0007\\u009b2J\\u202eevil\\u2066\";`");
    assertThat(markdown).contains("`A.f\\u001b[2J`");
    assertThat(
            markdown
                .chars()
                .filter(
                    c ->
                        c != '\t'
                            && c != '\n'
                            && (Character.isISOControl(c)
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069))))
        .isEmpty();
  }

  @Test
  void listsTheNotesOfEachRun() {
    FunctionInfo info = new FunctionInfo("A.java", "A.a", 1, List.of("void a() {", "}"));
    RunInfo run =
        new RunInfo(
                Instant.parse("2026-01-01T00:00:00Z"),
                "hybrid",
                Map.of("overhead", "2x"),
                new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
                new RunInfo.Machine("Linux", "6", "amd64", 1))
            .withSources("instrumented copy, 3 invocations", null);

    String markdown =
        MarkdownReport.format(
            new ProfileStats(List.of(new FunctionStats(info, new long[2], new long[2]))),
            List.of(run),
            5);

    assertThat(markdown)
        .startsWith(
            "## lineprof\n\n- hybrid mode; overhead: 2x\n"
                + "- Hits: instrumented copy, 3 invocations\n\n| Function |");
  }

  @Test
  void showsAllocatedBytesWhenMeasured() {
    FunctionInfo info =
        new FunctionInfo("A.java", "A.a", 1, List.of("void a() {", "  buf = new byte[1000];", "}"));
    FunctionStats f =
        new FunctionStats(info, new long[] {0, 4, 0}, new long[] {0, 10, 0})
            .withBytes(new long[] {0, 4064, 0});

    String markdown = MarkdownReport.format(new ProfileStats(List.of(f)), List.of(), 5);

    assertThat(markdown)
        .contains(
            "| Function | Total time | Allocated | Calls | Location |\n"
                + "| --- | ---: | ---: | ---: | --- |\n| `A.a` | 10 ns | 3.97 KiB | 4 | `A.java:1` |\n");
    assertThat(markdown)
        .contains(
            "| Line | Hits | Time | % Time | Allocated | Source |\n"
                + "| ---: | ---: | ---: | ---: | ---: | --- |\n| 2 | 4 | 10 ns | 100.0% | 3.97 KiB | `buf = new byte[1000];` |\n");
  }
}
