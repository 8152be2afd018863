package io.github.lineprof.internal.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  @Test
  void summaryTableThenTopLinesOfEachFunction() {
    FunctionInfo walk = new FunctionInfo("demo/Walk.java", "Walk.walk", 10,
        List.of("@LineProfile", "static int walk(int n) {", "  int s = 0;", "  for (int i = 0; i < n; i++) {",
            "    s += step(i);", "  }", "  return s;", "}"));
    FunctionInfo never = new FunctionInfo("demo/Walk.java", "Walk.never", 20, List.of("@LineProfile", "static void never() {", "}"));
    ProfileStats stats = new ProfileStats(List.of(
        new FunctionStats(never, new long[3], new long[3]),
        new FunctionStats(walk, new long[] {0, 0, 1, 11, 10, 0, 1, 0},
            new long[] {0, 0, 500, 2_000, 1_497_000, 0, 500, 0})));

    assertThat(MarkdownReport.format(stats, 3)).isEqualTo("""
        ## lineprof

        | Function | Total time | Share | Hits | Location |
        | --- | ---: | ---: | ---: | --- |
        | `Walk.walk` | 1.5 ms | 100.0% | 23 | `demo/Walk.java:10` |
        | `Walk.never` | 0 ns | 0.0% | 0 | `demo/Walk.java:20` |

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
    FunctionInfo info = new FunctionInfo("a|b/C.java", "C.`f`", 1,
        List.of("void f() {", "  s = a | b + \"``\";", "}"));
    ProfileStats stats = new ProfileStats(List.of(new FunctionStats(info, new long[] {1, 1, 0}, new long[] {1, 1, 0})));

    String markdown = MarkdownReport.format(stats, 5);

    assertThat(markdown).contains("| `` C.`f` `` | 2 ns | 100.0% | 2 | `a\\|b/C.java:1` |");
    assertThat(markdown).contains("| 2 | 1 | 1 ns | 50.0% | ``` s = a \\| b + \"``\"; ``` |");
  }
}
