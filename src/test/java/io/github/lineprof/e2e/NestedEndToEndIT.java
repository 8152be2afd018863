package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.e2e.Goldens.function;
import static io.github.lineprof.e2e.Goldens.golden;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.HtmlReport;
import io.github.lineprof.report.JsonReport;
import io.github.lineprof.report.MarkdownReport;
import io.github.lineprof.report.TextOptions;
import io.github.lineprof.report.TextReport;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.samples.Nested;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each nanosecond once: a block lambda in forEach, a recursive method and an anonymous class's
 * method through the swap. The lambda's and the class's lines are nested under their calling line
 * (the golden files show each line's depth), the function's Total time is the sum of its top-level
 * lines, and every report shows the nested lines as such. An IT: its JVM runs exact-mode probes (a
 * JVM's probes serve one mode; the surefire tests' run sampled).
 */
class NestedEndToEndIT {
  private static final List<String> FUNCTIONS =
      List.of("Nested.forEachLambda", "Nested.fib", "Nested.anonymous");

  @Test
  void nestedLinesAreShownUnderTheirCallingLineAndNotAddedIntoTheTotal() throws Exception {
    // Exact mode times every line, the calling line's interval around the lambda's included.
    ProfileResult result = LineProfiler.create().outputDirectory(null).printTo(null)
        .compareWithOriginal(false).mode(Mode.EXACT)
        .run(() -> Nested.forEachLambda(List.of(12, 15, 18)) + Nested.anonymous(2_000).length());
    assertThat(result.value()).isEqualTo(Nested.forEachLambda(List.of(12, 15, 18)) + 2_000);
    ProfileStats stats = result.stats();

    for (String name : FUNCTIONS) {
      FunctionStats f = function(stats, name);
      assertThat(nestingView(f)).isEqualTo(golden("nested-" + name.substring(7) + ".txt"));
      long topLevel = IntStream.rangeClosed(f.info().firstLine(), f.info().lastLine())
          .filter(line -> !f.info().nested(line))
          .mapToLong(f::nanos)
          .sum();
      assertThat(topLevel).isGreaterThan(0L);
      assertThat(f.totalNanos()).isEqualTo(topLevel);
    }

    // The forEach line's time includes the lambda's line (inclusive), which the Total holds once.
    FunctionStats lambda = function(stats, "Nested.forEachLambda");
    int calling = lineOf(lambda, "xs.forEach(x -> {");
    int inLambda = lineOf(lambda, "total[0] += fib(x);");
    assertThat(lambda.info().depth(inLambda)).isEqualTo(1);
    assertThat(lambda.nanos(inLambda)).isGreaterThan(0L);
    assertThat(lambda.nanos(calling)).isAtLeast(lambda.nanos(inLambda));
    assertThat(lambda.totalNanos()).isLessThan(lambda.nanos(calling) + lambda.nanos(inLambda));

    String text = TextReport.format(stats, TextOptions.defaults());
    for (String name : FUNCTIONS) {
      assertTextTable(text, function(stats, name));
    }
    assertThat(text).contains("[% Time]: a line of a lambda or class inside the function");

    String html = HtmlReport.render(stats, List.of(), null);
    assertThat(html).containsMatch("<tr class=\"ran[^\"]* nested\"[^>]*><td class=\"ln\">" + inLambda + "<");
    assertThat(html).doesNotContainMatch("<tr class=\"ran[^\"]* nested\"[^>]*><td class=\"ln\">" + calling + "<");
    assertThat(MarkdownReport.format(stats, List.of(), 10)).contains("| " + inLambda + " (in " + calling + ") |");

    // JSON keeps each line's depth, and lineprof-cli reads it back.
    ProfileStats read = JsonReportReader.read(JsonReport.write(stats, List.of())).stats();
    for (String name : FUNCTIONS) {
      FunctionInfo info = function(read, name).info();
      assertThat(info.depths()).isEqualTo(function(stats, name).info().depths());
      assertThat(function(read, name).totalNanos()).isEqualTo(function(stats, name).totalNanos());
    }
  }

  /**
   * The function's table in the text report: its Total time line is the sum of its top-level
   * lines, its nested rows' % Time in brackets, and its top-level rows' % Time add up to 100.
   */
  private static void assertTextTable(String text, FunctionStats f) {
    String header = "Function: " + f.info().name() + " at line " + f.info().firstLine() + "\n";
    int at = text.indexOf(header);
    assertThat(at).isGreaterThan(0);
    int total = text.lastIndexOf("Total time: ", at) + "Total time: ".length();
    assertThat(Double.parseDouble(text.substring(total, text.indexOf(" s\n", total))))
        .isWithin(f.totalNanos() * 1e-9 * 1e-5).of(f.totalNanos() * 1e-9);
    String table = text.substring(at, text.indexOf("\n\n", text.indexOf("=====", at)));
    Pattern row = Pattern.compile("(?m)^ *(\\d+) +\\d+ +\\S+ +\\S+ +(\\[?)([0-9.]+)\\]? {2}");
    Matcher m = row.matcher(table);
    double topLevelPercent = 0;
    int rows = 0;
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      assertThat(m.group(2).equals("[")).isEqualTo(f.info().nested(line));
      if (!f.info().nested(line)) {
        topLevelPercent += Double.parseDouble(m.group(3));
      }
      rows++;
    }
    assertThat(rows).isEqualTo((int) IntStream.rangeClosed(f.info().firstLine(), f.info().lastLine())
        .filter(line -> f.hits(line) > 0).count());
    assertThat(topLevelPercent).isWithin(0.05 * rows + 0.01).of(100.0);
  }

  /** Line, hits, depth (a '>' per level) and source: what must be exact. */
  private static String nestingView(FunctionStats f) {
    FunctionInfo info = f.info();
    return IntStream.rangeClosed(info.firstLine(), info.lastLine())
        .mapToObj(line -> String.format("%6d %9s %-2s %s", line, f.hits(line) == 0 ? "" : f.hits(line),
            ">".repeat(info.depth(line)), info.lines().get(line - info.firstLine())))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int lineOf(FunctionStats f, String text) {
    List<String> lines = f.info().lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return f.info().firstLine() + i;
      }
    }
    throw new AssertionError(text + " not in " + f.info().name());
  }
}
