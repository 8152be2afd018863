package io.github.lineprof.report;

import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A GitHub-flavoured Markdown summary for CI pages (e.g. {@code $GITHUB_STEP_SUMMARY}): the runs'
 * notes, one table of functions, slowest first, then each function's slowest lines, with the bytes
 * they allocated when the run measured them. Names, paths and source go in code spans and notes are
 * escaped (see {@link Markdown}), so Markdown in them is shown as written.
 */
public final class MarkdownReport {
  /** Lines per function in the summary file: the hot spots, not the whole listing. */
  public static final int TOP_LINES = 5;

  private MarkdownReport() {}

  /**
   * The Markdown summary of a run.
   *
   * @param topLines how many of each function's slowest lines to list
   */
  public static String format(ProfileStats stats, List<RunInfo> runs, int topLines) {
    List<FunctionRows> functions = new ArrayList<>(FunctionRows.of(stats, FunctionRows.NANOS));
    functions.sort(Comparator.comparingLong(FunctionRows::totalNanos).reversed());

    StringBuilder out = new StringBuilder("## lineprof\n\n");
    for (RunInfo run : runs) {
      RunNotes.lines(run)
          .forEach(line -> out.append("- ").append(Markdown.text(line)).append('\n'));
    }
    if (!runs.isEmpty()) {
      out.append('\n');
    }
    // No share of all functions' time: a profiled callee's time is in its caller's total too.
    boolean bytes = functions.stream().anyMatch(FunctionRows::hasBytes);
    out.append(
        bytes
            ? "| Function | Total time | Allocated | Calls | Location |\n"
            : "| Function | Total time | Calls | Location |\n");
    out.append(bytes ? "| --- | ---: | ---: | ---: | --- |\n" : "| --- | ---: | ---: | --- |\n");
    boolean estimated = false;
    for (FunctionRows function : functions) {
      FunctionRows.Calls calls = function.calls();
      estimated |= !calls.counted() && function.ran();
      out.append("| ")
          .append(Markdown.code(function.info().name()))
          .append(" | ")
          .append(Durations.readable(function.totalNanos()))
          .append(
              bytes
                  ? " | " + (function.hasBytes() ? Sizes.readable(function.totalBytes()) : "")
                  : "")
          .append(" | ")
          .append(calls.count())
          .append(" | ")
          .append(Markdown.code(function.location()))
          .append(" |\n");
    }
    if (estimated) {
      out.append(
          "\nCalls not counted by the run are the hits of the function's first line that ran.\n");
    }
    for (FunctionRows function : functions) {
      appendTopLines(out, function, topLines);
    }
    return out.toString();
  }

  private static void appendTopLines(StringBuilder out, FunctionRows function, int topLines) {
    List<LineRow> lines = new ArrayList<>(function.rows().stream().filter(LineRow::ran).toList());
    lines.sort(
        Comparator.comparingLong(LineRow::nanos).reversed()); // stable: ties stay in line order
    out.append("\n### ").append(Markdown.code(function.info().name())).append("\n\n");
    if (lines.isEmpty()) {
      out.append("Never ran.\n");
      return;
    }
    boolean bytes = function.hasBytes();
    boolean sampled = function.sampled() && function.timed();
    out.append("| Line | Hits | Time | % Time")
        .append(sampled ? " | ±" : "")
        .append(bytes ? " | Allocated" : "")
        .append(" | Source |\n");
    out.append("| ---: | ---: | ---: | ---:")
        .append(sampled ? " | ---:" : "")
        .append(bytes ? " | ---:" : "")
        .append(" | --- |\n");
    List<LineRow> shown = lines.subList(0, Math.min(topLines, lines.size()));
    for (LineRow row : shown) {
      String source = row.source().strip();
      out.append("| ")
          .append(row.line())
          .append(row.nested() ? " (in " + row.caller() + ")" : "")
          .append(" | ")
          .append(row.hits())
          .append(" | ")
          .append(Durations.readable(row.nanos()))
          .append(" | ")
          .append(percent(function, row))
          .append(sampled ? " | " + PrecisionNote.points(row.halfWidth()).substring(2) : "")
          .append(bytes ? " | " + Sizes.readable(row.bytes()) : "")
          .append(" | ")
          .append(source.isEmpty() ? "" : Markdown.code(source))
          .append(" |\n");
    }
    if (sampled) {
      out.append("\n±: each line's 95 % half-width of % Time, in points of the function's time. ")
          .append(Markdown.text(PrecisionNote.text(function).orElseThrow()))
          .append('\n');
    }
    if (shown.stream().anyMatch(LineRow::nested)) {
      out.append("\n")
          .append(Markdown.text(TextReport.NESTED_LEGEND))
          .append(" (in N): the line that calls it.\n");
    }
  }

  /** A nested line's share in brackets: it is in its calling line's already. */
  private static String percent(FunctionRows function, LineRow row) {
    if (!function.timed()) {
      return "";
    }
    String percent = String.format(Locale.ROOT, "%.1f%%", row.percent());
    return row.nested() ? "[" + percent + "]" : percent;
  }
}
