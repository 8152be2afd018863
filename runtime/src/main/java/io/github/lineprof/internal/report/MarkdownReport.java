package io.github.lineprof.internal.report;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub-flavoured Markdown summary for CI pages (e.g. {@code $GITHUB_STEP_SUMMARY}): one table of
 * functions, slowest first, then each function's slowest lines. Names, paths and source go in code
 * spans, so Markdown in them is shown as written.
 */
public final class MarkdownReport {
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private MarkdownReport() {}

  /**
   * @param topLines how many of each function's slowest lines to list
   */
  public static String format(ProfileStats stats, int topLines) {
    List<FunctionStats> functions = new ArrayList<>(stats.functions());
    functions.sort(Comparator.comparingLong(FunctionStats::totalNanos).reversed());
    // A profiled function called by another is counted in both: shares are of the sum of totals.
    long sum = functions.stream().mapToLong(FunctionStats::totalNanos).sum();

    StringBuilder out = new StringBuilder("## lineprof\n\n");
    out.append("| Function | Total time | Share | Hits | Location |\n");
    out.append("| --- | ---: | ---: | ---: | --- |\n");
    for (FunctionStats function : functions) {
      FunctionInfo info = function.info();
      out.append("| ").append(code(info.name()))
          .append(" | ").append(duration(function.totalNanos()))
          .append(" | ").append(percent(function.totalNanos(), sum))
          .append(" | ").append(function.totalHits())
          .append(" | ").append(code(info.file() + ":" + info.firstLine()))
          .append(" |\n");
    }
    for (FunctionStats function : functions) {
      appendTopLines(out, function, topLines);
    }
    return out.toString();
  }

  private static void appendTopLines(StringBuilder out, FunctionStats function, int topLines) {
    FunctionInfo info = function.info();
    List<Integer> lines = new ArrayList<>();
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      if (function.hits(line) > 0) {
        lines.add(line);
      }
    }
    lines.sort(Comparator.comparingLong(function::nanos).reversed()); // stable: ties stay in line order
    out.append("\n### ").append(code(info.name())).append("\n\n");
    if (lines.isEmpty()) {
      out.append("Never ran.\n");
      return;
    }
    out.append("| Line | Hits | Time | % Time | Source |\n");
    out.append("| ---: | ---: | ---: | ---: | --- |\n");
    for (int line : lines.subList(0, Math.min(topLines, lines.size()))) {
      String source = info.lines().get(line - info.firstLine()).strip();
      out.append("| ").append(line)
          .append(" | ").append(function.hits(line))
          .append(" | ").append(duration(function.nanos(line)))
          .append(" | ").append(percent(function.nanos(line), function.totalNanos()))
          .append(" | ").append(source.isEmpty() ? "" : code(source))
          .append(" |\n");
    }
  }

  /**
   * A code span: backslashes do not escape inside one, so a span holding backticks is fenced with
   * one more backtick than its longest run (padded with spaces, which Markdown strips). A pipe
   * would end the table cell even inside a span; GFM reads {@code \|} there as a pipe.
   */
  private static String code(String text) {
    int longest = 0;
    Matcher run = BACKTICKS.matcher(text);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 ? " " : "";
    return fence + pad + text.replace("|", "\\|") + pad + fence;
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** Three significant digits or so, in the unit that reads best. */
  private static String duration(long nanos) {
    if (nanos < 1_000) {
      return nanos + " ns";
    }
    if (nanos < 999_950) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 999_950_000) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
