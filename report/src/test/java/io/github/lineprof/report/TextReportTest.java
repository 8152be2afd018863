package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the report against line_profiler's own output, byte for byte.
 *
 * <p>The golden files copied from line_profiler's reference runs ({@code lprof0*.txt}, {@code
 * fmt_*.txt}, {@code case_notrun.*.txt}) were printed by line_profiler 4.0.2, whose columns have
 * fixed widths: they are compared with {@link Columns#LINE_PROFILER_4_0}. In lprof0.txt that shows
 * as Per Hit values such as {@code 8549642.0} overflowing their 8-wide column; 4.1+ would print
 * {@code 8.55e+06} there instead. The 4.1+ expectations ({@code *_4_1.txt}) were derived by hand
 * from 4.1's rules, as no 4.1 release could be run here.
 */
class TextReportTest {
  private static final TextOptions V4_0 =
      TextOptions.defaults().withColumns(Columns.LINE_PROFILER_4_0);

  // --- lprof0: %lprun -f simulate simulate(50), cookbook/lprof0.txt ---

  private static ProfileStats lprof0Data() {
    return stats(
        function(
            "simulation.py",
            "simulate",
            7,
            13,
            row(8, 1, 8549642),
            row(9, 1, 3494995),
            row(10, 1, 15058),
            row(11, 1, 11730230),
            row(12, 1, 2916),
            row(13, 1, 350)));
  }

  @Test
  void lprof0() {
    assertThat(TextReport.format(lprof0Data(), V4_0)).isEqualTo(golden("lprof0.txt"));
  }

  @Test
  void lprof0InOtherUnits() {
    assertThat(TextReport.format(lprof0Data(), V4_0.withOutputUnit(1e-6)))
        .isEqualTo(golden("lprof0_unit_1e-6.txt"));
    assertThat(TextReport.format(lprof0Data(), V4_0.withOutputUnit(1e-3)))
        .isEqualTo(golden("lprof0_unit_1e-3.txt"));
    assertThat(TextReport.format(lprof0Data(), V4_0.withOutputUnit(1.0)))
        .isEqualTo(golden("lprof0_unit_1.txt"));
  }

  @Test
  void lprof0StripZerosKeepsAFunctionThatRan() {
    assertThat(TextReport.format(lprof0Data(), V4_0.withStripZeros(true)))
        .isEqualTo(golden("lprof0_stripzeros.txt"));
  }

  @Test
  void lprof0With41ColumnsShortensPerHitToThreeDigits() {
    // Per Hit 8549642.0 is 9 characters, wider than its 8: 4.1+ prints '%5.3g', 8.55e+06.
    assertThat(TextReport.format(lprof0Data(), TextOptions.defaults()))
        .isEqualTo(golden("lprof0_4_1.txt"));
  }

  // --- synthetic data of cases/fmt_edge_run.py, function big of fmt_edge.py ---

  private static ProfileStats hugeData() {
    return stats(
        function(
            "fmt_edge.py",
            "big",
            1,
            5,
            row(2, 12345678901L, 98765432109876L),
            row(3, 1, 5),
            row(4, 7, 123456789),
            row(5, 3, 0)));
  }

  private static ProfileStats smallData() {
    return stats(function("fmt_edge.py", "big", 1, 5, row(2, 3, 1000), row(3, 1, 5)));
  }

  @Test
  void hugeValuesPushTheRowRightIn40() {
    assertThat(TextReport.format(hugeData(), V4_0))
        .isEqualTo(golden("fmt_huge_values_unit_1e-9.txt"));
  }

  @Test
  void hugeValuesIn41UseGFormatAndWidenTheHitsColumn() {
    // Hits 12345678901 -> '%g' 1.23457e+10 (11 wide: header and rule grow by 2);
    // Time 98765432109876.0 (16 > 12) -> 9.88e+13; Per Hit 17636684.1 (10 > 8) -> 1.76e+07.
    assertThat(TextReport.format(hugeData(), TextOptions.defaults()))
        .isEqualTo(golden("fmt_huge_values_4_1.txt"));
  }

  @Test
  void hugeValuesInOtherUnits() {
    assertThat(TextReport.format(hugeData(), V4_0.withOutputUnit(1e-3)))
        .isEqualTo(golden("fmt_same_data_output_unit_1e-3.txt"));
    assertThat(TextReport.format(hugeData(), V4_0.withOutputUnit(1.0)))
        .isEqualTo(golden("fmt_same_data_output_unit_1.txt"));
  }

  @Test
  void tinyAndOddOutputUnits() {
    assertThat(TextReport.format(smallData(), V4_0.withOutputUnit(1e-12)))
        .isEqualTo(golden("fmt_tiny_output_unit_1e-12.txt"));
    assertThat(TextReport.format(smallData(), V4_0.withOutputUnit(2.5e-4)))
        .isEqualTo(golden("fmt_odd_output_unit_2.5e-4.txt"));
  }

  @Test
  void zeroTotalLeavesPercentEmpty() {
    ProfileStats zero = stats(function("fmt_edge.py", "big", 1, 5, row(2, 4, 0), row(3, 4, 0)));
    assertThat(TextReport.format(zero, V4_0)).isEqualTo(golden("fmt_zero_total_but_hits.txt"));
    // 4.1+ strips by hits, not time (4.0.2 would hide it): this function ran, so it stays.
    assertThat(TextReport.format(zero, V4_0.withStripZeros(true)))
        .isEqualTo(golden("fmt_zero_total_but_hits.txt"));
  }

  // --- a function never run, cases/case_notrun ---

  private static ProfileStats notRunData() {
    return stats(
        function("case_notrun.py", "partly", 4, 14, row(11, 1, 581), row(12, 1, 180)),
        function("case_notrun.py", "never_called", 16, 18),
        function("case_notrun.py", "empty_body", 20, 21, row(21, 1, 221)));
  }

  @Test
  void neverRunFunctionShowsZeroTotalAndEmptyRows() {
    assertThat(TextReport.format(notRunData(), V4_0)).isEqualTo(golden("case_notrun.out.txt"));
    assertThat(TextReport.format(notRunData(), V4_0.withOutputUnit(1e-6)))
        .isEqualTo(golden("case_notrun.out_us.txt"));
  }

  @Test
  void neverRunFunctionDisappearsWithStripZeros() {
    assertThat(TextReport.format(notRunData(), V4_0.withStripZeros(true)))
        .isEqualTo(golden("case_notrun.out_stripzeros.txt"));
  }

  @Test
  void narrowValuesLookTheSameUnderBothColumnRules() {
    assertThat(TextReport.format(notRunData(), TextOptions.defaults()))
        .isEqualTo(golden("case_notrun.out.txt"));
  }

  // --- summarize and sort ---

  @Test
  void summaryFollowsTheBlocks() {
    String report = TextReport.format(lprof0Data(), V4_0.withSummarize(true));
    assertThat(report)
        .isEqualTo(golden("lprof0.txt") + "  0.02 seconds - simulation.py:7 - simulate\n");
  }

  @Test
  void summarySkipsStrippedFunctions() {
    String report = TextReport.format(notRunData(), V4_0.withSummarize(true).withStripZeros(true));
    assertThat(report)
        .endsWith(
            "\n\n"
                + "  0.00 seconds - case_notrun.py:4 - partly\n"
                + "  0.00 seconds - case_notrun.py:20 - empty_body\n");
    assertThat(report).doesNotContain("never_called");
  }

  @Test
  void summaryPadsToSixAndGrowsPastIt() {
    ProfileStats longRun =
        stats(function("fmt_edge.py", "big", 1, 5, row(2, 1, 1_234_567_000_000L)));
    assertThat(TextReport.format(longRun, V4_0.withSummarize(true)))
        .endsWith("\n1234.57 seconds - fmt_edge.py:1 - big\n");
  }

  @Test
  void defaultOrderIsRegistrationOrder() {
    assertThat(functionOrder(TextReport.format(notRunData(), TextOptions.defaults())))
        .containsExactly("partly", "never_called", "empty_body")
        .inOrder();
  }

  @Test
  void sortByTimeIsAscendingAndStable() {
    ProfileStats stats =
        stats(
            function("fmt_edge.py", "slow", 1, 5, row(2, 1, 50)),
            function("fmt_edge.py", "zeroA", 1, 5),
            function("fmt_edge.py", "fast", 1, 5, row(3, 2, 7)),
            function("fmt_edge.py", "zeroB", 1, 5));
    String report =
        TextReport.format(stats, TextOptions.defaults().withSortByTime(true).withSummarize(true));
    assertThat(functionOrder(report)).containsExactly("zeroA", "zeroB", "fast", "slow").inOrder();
    assertThat(report)
        .endsWith(
            "\n\n"
                + "  0.00 seconds - fmt_edge.py:1 - zeroA\n"
                + "  0.00 seconds - fmt_edge.py:1 - zeroB\n"
                + "  0.00 seconds - fmt_edge.py:1 - fast\n"
                + "  0.00 seconds - fmt_edge.py:1 - slow\n");
  }

  @Test
  void sourceLosesTrailingNewlinesAndCarriageReturnsOnly() {
    FunctionInfo info = new FunctionInfo("A.java", "A.f", 3, List.of("  int x;\r\n", "\tend  "));
    String report =
        TextReport.format(
            stats(new FunctionStats(info, new long[2], new long[2])), TextOptions.defaults());
    assertThat(report)
        .contains(
            "\n     3" + " ".repeat(43) + "  int x;\n     4" + " ".repeat(43) + "\tend  \n\n");
  }

  @Test
  void outputUnitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> TextOptions.defaults().withOutputUnit(0.0));
    assertThrows(
        IllegalArgumentException.class, () -> TextOptions.defaults().withOutputUnit(Double.NaN));
  }

  // --- Python's number formats ---

  @Test
  void gMatchesPython() {
    assertThat(PyFormat.g(1e-09, 0, 6)).isEqualTo("1e-09");
    assertThat(PyFormat.g(1e-06, 0, 6)).isEqualTo("1e-06");
    assertThat(PyFormat.g(0.001, 0, 6)).isEqualTo("0.001");
    assertThat(PyFormat.g(1, 0, 6)).isEqualTo("1");
    assertThat(PyFormat.g(0.00025, 0, 6)).isEqualTo("0.00025");
    assertThat(PyFormat.g(2.5e-4, 0, 6)).isEqualTo("0.00025");
    assertThat(PyFormat.g(0.0001, 0, 6)).isEqualTo("0.0001");
    assertThat(PyFormat.g(0.00001, 0, 6)).isEqualTo("1e-05");
    assertThat(PyFormat.g(98765.6, 0, 6)).isEqualTo("98765.6");
    assertThat(PyFormat.g(98765555566670L * 1e-9, 0, 6)).isEqualTo("98765.6");
    assertThat(PyFormat.g(0.0237932, 0, 6)).isEqualTo("0.0237932");
    assertThat(PyFormat.g(23793191 * 1e-9, 0, 6)).isEqualTo("0.0237932");
    assertThat(PyFormat.g(6e-07, 0, 6)).isEqualTo("6e-07");
    assertThat(PyFormat.g(1.005e-06, 0, 6)).isEqualTo("1.005e-06");
    assertThat(PyFormat.g(0, 0, 6)).isEqualTo("0");
    assertThat(PyFormat.g(123456789, 0, 6)).isEqualTo("1.23457e+08");
    assertThat(PyFormat.g(12345678901L, 0, 6)).isEqualTo("1.23457e+10");
    assertThat(PyFormat.g(8549642, 5, 3)).isEqualTo("8.55e+06");
    assertThat(PyFormat.g(0.5, 5, 3)).isEqualTo("  0.5");
    assertThat(PyFormat.g(9.9999996, 0, 6)).isEqualTo("10");
    assertThat(PyFormat.g(1e100, 0, 6)).isEqualTo("1e+100");
    assertThat(PyFormat.g(Double.MIN_VALUE, 0, 6)).isEqualTo("4.94066e-324");
    assertThat(PyFormat.g(-0.0, 0, 6)).isEqualTo("-0");
    assertThat(PyFormat.g(-1234567, 0, 6)).isEqualTo("-1.23457e+06");
    assertThat(PyFormat.g(Double.POSITIVE_INFINITY, 5, 3)).isEqualTo("  inf");
  }

  @Test
  void fRoundsTheExactBinaryValueHalfEven() {
    // Java's String.format("%.1f") gives 0.3 and 0.4 here.
    assertThat(PyFormat.f(0.25, 5, 1)).isEqualTo("  0.2");
    assertThat(PyFormat.f(0.35, 5, 1)).isEqualTo("  0.3");
    assertThat(PyFormat.f(0.05, 5, 1)).isEqualTo("  0.1");
    assertThat(PyFormat.f(8549642, 5, 1)).isEqualTo("8549642.0");
    assertThat(PyFormat.f(1e22, 5, 1)).isEqualTo("10000000000000000000000.0");
    assertThat(PyFormat.f(0.0237932, 6, 2)).isEqualTo("  0.02");
    assertThat(PyFormat.f(-0.0, 5, 1)).isEqualTo(" -0.0");
    assertThat(PyFormat.f(-0.04, 5, 1)).isEqualTo(" -0.0");
    assertThat(PyFormat.f(Double.NEGATIVE_INFINITY, 5, 1)).isEqualTo(" -inf");
    assertThat(PyFormat.f(-Double.NaN, 5, 1)).isEqualTo("  nan");
  }

  @Test
  void controlCharactersOfTheSourceShowAsEscapesAndTabsAsBefore() {
    // ESC (an ANSI colour), BEL, CR, a C1 CSI, a bidi override and an isolate: none may reach a
    // terminal.
    String hostile = "\tString s = \"\u001b[31mred\u0007\r\u009b2J\u202eevil\u2066\";";
    FunctionInfo info = new FunctionInfo("A.java", "A.f", 1, List.of("void f() {", hostile, "}"));
    ProfileStats stats =
        new ProfileStats(List.of(new FunctionStats(info, new long[3], new long[3])));

    String report = TextReport.format(stats, TextOptions.defaults());

    assertThat(report)
        .contains("\tString s = \"\\u001b[31mred\\u0007\\u000d\\u009b2J\\u202eevil\\u2066\";\n");
    assertThat(
            report
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

  // --- helpers ---

  private static long[] row(int line, long hits, long nanos) {
    return new long[] {line, hits, nanos};
  }

  /** A function of a golden source file, timed like line_profiler's (lineno, nhits, time) list. */
  private static FunctionStats function(
      String file, String name, int firstLine, int lastLine, long[]... timings) {
    List<String> lines = golden(file).lines().toList().subList(firstLine - 1, lastLine);
    long[] hits = new long[lines.size()];
    long[] nanos = new long[lines.size()];
    for (long[] t : timings) {
      hits[(int) t[0] - firstLine] = t[1];
      nanos[(int) t[0] - firstLine] = t[2];
    }
    return new FunctionStats(new FunctionInfo(file, name, firstLine, lines), hits, nanos);
  }

  private static ProfileStats stats(FunctionStats... functions) {
    return new ProfileStats(List.of(functions));
  }

  private static List<String> functionOrder(String report) {
    return report
        .lines()
        .filter(line -> line.startsWith("Function: "))
        .map(line -> line.substring("Function: ".length(), line.indexOf(" at line ")))
        .toList();
  }

  private static String golden(String name) {
    try (InputStream in = TextReportTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theBytesColumnIsOnlyThereWhenAskedForAndMeasured() {
    FunctionInfo info =
        new FunctionInfo(
            "A.java", "A.a", 1, List.of("void a() {", "  buf = new byte[1000];", "  n++;", "}"));
    FunctionStats plain =
        new FunctionStats(info, new long[] {0, 10, 10, 0}, new long[] {0, 900, 100, 0});
    ProfileStats measured = new ProfileStats(List.of(plain.withBytes(new long[] {0, 10160, 0, 0})));
    TextOptions allocations = TextOptions.defaults().withAllocations(true);

    // line_profiler's table, whatever the run measured, unless asked for
    assertThat(TextReport.format(measured, TextOptions.defaults()))
        .isEqualTo(TextReport.format(new ProfileStats(List.of(plain)), TextOptions.defaults()));
    assertThat(TextReport.format(new ProfileStats(List.of(plain)), allocations))
        .isEqualTo(TextReport.format(new ProfileStats(List.of(plain)), TextOptions.defaults()));
    assertThat(TextReport.format(measured, allocations))
        .isEqualTo(
            """
        Timer unit: 1e-09 s

        Total time: 1e-06 s
        File: A.java
        Function: A.a at line 1

        Line #      Hits         Time  Per Hit   % Time        Bytes  Line Contents
        ===========================================================================
             1                                                        void a() {
             2        10        900.0     90.0     90.0        10160    buf = new byte[1000];
             3        10        100.0     10.0     10.0            0    n++;
             4                                                        }

        """);
  }
}
