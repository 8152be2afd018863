package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A function with a block lambda: the lambda's line keeps its hits, time and share of the Total,
 * but the Total is the sum of the top-level lines, and every format shows the nested line as such.
 */
class NestedLinesReportTest {
  private static final List<String> LINES =
      List.of(
          "@LineProfile",
          "static long sum(List<Integer> xs) {",
          "  long[] t = {0};",
          "  xs.forEach(x -> {",
          "    t[0] += fib(x);",
          "  });",
          "  return t[0];",
          "}");
  private static final List<Integer> DEPTHS = List.of(0, 0, 0, 0, 1, 1, 0, 0);

  private static FunctionStats lambda() {
    return new FunctionStats(
        new FunctionInfo("demo/Sum.java", "Sum.sum", 10, LINES, DEPTHS),
        new long[] {0, 0, 1, 1, 3, 0, 1, 0},
        new long[] {0, 0, 100, 900, 850, 0, 0, 0});
  }

  @Test
  void theTotalIsTheSumOfTheTopLevelLines() {
    FunctionStats f = lambda();
    assertThat(f.totalNanos()).isEqualTo(1000);
    assertThat(f.nanos(14)).isEqualTo(850);
    assertThat(f.hits(14)).isEqualTo(3);
    assertThat(f.totalHits()).isEqualTo(6);

    FunctionRows rows = FunctionRows.of(f, FunctionRows.NANOS);
    assertThat(rows.totalNanos()).isEqualTo(1000);
    LineRow nested = rows.rows().get(4);
    assertThat(nested.nested()).isTrue();
    assertThat(nested.depth()).isEqualTo(1);
    assertThat(nested.caller()).isEqualTo(13);
    assertThat(nested.percent()).isEqualTo(85.0);
    assertThat(rows.rows().stream().filter(r -> !r.nested()).mapToDouble(LineRow::percent).sum())
        .isEqualTo(100.0);
  }

  @Test
  void textKeepsLineProfilersColumnsAndBracketsTheNestedLinesShare() {
    assertThat(TextReport.format(new ProfileStats(List.of(lambda())), TextOptions.defaults()))
        .isEqualTo(
            """
            Timer unit: 1e-09 s

            Total time: 1e-06 s
            File: demo/Sum.java
            Function: Sum.sum at line 10

            Line #      Hits         Time  Per Hit   % Time  Line Contents
            ==============================================================
                10                                           @LineProfile
                11                                           static long sum(List<Integer> xs) {
                12         1        100.0    100.0     10.0    long[] t = {0};
                13         1        900.0    900.0     90.0    xs.forEach(x -> {
                14         3        850.0    283.3   [85.0]      t[0] += fib(x);
                15                                             });
                16         1          0.0      0.0      0.0    return t[0];
                17                                           }

            [% Time]: a line of a lambda or class inside the function; its time is in the line that calls it and not added again into Total time.

            """);
  }

  @Test
  void aFunctionWithoutNestedLinesHasNoLegend() {
    FunctionStats flat =
        new FunctionStats(
            new FunctionInfo("demo/Sum.java", "Sum.sum", 10, LINES),
            new long[] {0, 0, 1, 1, 3, 0, 1, 0},
            new long[] {0, 0, 100, 900, 850, 0, 0, 0});
    String text = TextReport.format(new ProfileStats(List.of(flat)), TextOptions.defaults());
    assertThat(text).doesNotContain("[% Time]");
    assertThat(text).contains("   3        850.0    283.3     45.9      t[0] += fib(x);");
    assertThat(text).contains("Total time: 1.85e-06 s");
  }

  @Test
  void htmlMarkdownAndJsonShowTheNesting() {
    ProfileStats stats = new ProfileStats(List.of(lambda()));
    Document html = Jsoup.parse(HtmlReport.render(stats, List.of(), null));
    Element nested = html.select("tr:has(td.ln:matchesOwn(^14$))").first();
    assertThat(nested.classNames()).containsExactly("ran", "nested");
    Element share = nested.select("td").get(4);
    assertThat(share.text()).isEqualTo("[85.0]");
    assertThat(share.attr("title"))
        .isEqualTo("inside line 13: in its time, not added again into the total");
    assertThat(html.select("tr:has(td.ln:matchesOwn(^13$))").first().classNames())
        .containsExactly("ran");
    assertThat(html.select("p.foot").last().text())
        .startsWith("[% Time]: a line of a lambda or class inside");

    String md = MarkdownReport.format(stats, List.of(), 5);
    assertThat(md).contains("| 14 (in 13) | 3 | 850 ns | [85.0%] | `t[0] += fib(x);` |");
    assertThat(md).contains("| 13 | 1 | 900 ns | 90.0% | `xs.forEach(x -> {` |");
    assertThat(md).contains("| `Sum.sum` | 1.0 µs |");

    String json = JsonReport.write(stats, List.of());
    assertThat(json.replaceAll("\\s+", "")).contains("\"depth\":[0,0,0,0,1,1,0,0]");
    assertThat(
            JsonReport.write(
                new ProfileStats(
                    List.of(
                        new FunctionStats(
                            new FunctionInfo("demo/Sum.java", "Sum.sum", 10, LINES),
                            new long[8],
                            new long[8]))),
                List.of()))
        .doesNotContain("depth");
  }

  @Test
  void aSumKeepsTheNestingOfTheRunThatKnowsIt() {
    FunctionStats flat =
        new FunctionStats(
            new FunctionInfo("demo/Sum.java", "Sum.sum", 10, LINES), new long[8], new long[8]);
    assertThat(flat.plus(lambda()).info().depths()).isEqualTo(DEPTHS);
    assertThat(lambda().plus(flat).info().depths()).isEqualTo(DEPTHS);
    FunctionStats other =
        new FunctionStats(
            new FunctionInfo(
                "demo/Sum.java", "Sum.sum", 10, LINES, List.of(0, 0, 0, 0, 1, 0, 0, 0)),
            new long[8],
            new long[8]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> lambda().plus(other));
    assertThat(e).hasMessageThat().contains("the nested lines differ between the runs");
  }

  @Test
  void callingLinesAreTheNearestShallowerLineBefore() {
    FunctionInfo info =
        new FunctionInfo(
            "a/A.java",
            "A.f",
            1,
            List.of("a", "b", "c", "d", "e", "f", "g", "h"),
            List.of(0, 0, 1, 2, 2, 1, 3, 0));
    assertThat(info.callers()).containsExactly(0, 0, 2, 3, 3, 2, 6, 0).inOrder();
    assertThrows(
        IllegalArgumentException.class,
        () -> new FunctionInfo("a/A.java", "A.f", 1, List.of("a", "b"), List.of(1, 0)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FunctionInfo("a/A.java", "A.f", 1, List.of("a", "b"), List.of(0)));
  }
}
