package io.github.lineprof.report;

import io.github.lineprof.report.ReportDiff.FunctionDiff;
import io.github.lineprof.report.ReportDiff.Kind;
import io.github.lineprof.report.ReportDiff.LineDiff;
import io.github.lineprof.report.ReportDiff.Numbers;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ReportDiff} as text (a terminal), Markdown (a pull-request comment) or one
 * self-contained HTML page ({@link DiffPage}). Every format shows the same rows: the functions,
 * largest change first, then each function's lines that ran in either run or were inserted or
 * deleted, in source order; the cells are formatted here once.
 */
public final class DiffReports {
  static final String LEGEND =
      "+ a line only in the after run, - a line only in the before run (lines are"
          + " matched by their text); times include the methods a line calls.";

  private DiffReports() {}

  public static String text(ReportDiff diff, String beforeName, String afterName) {
    StringBuilder out =
        new StringBuilder("lineprof diff: ")
            .append(beforeName)
            .append(" -> ")
            .append(afterName)
            .append("\n\nFunctions, largest change of time first:\n");
    String functionRow = "%12s %12s %22s  %s%n";
    out.append(String.format(Locale.ROOT, functionRow, "Before", "After", "Change", "Function"));
    for (FunctionDiff f : diff.functions()) {
      out.append(
          String.format(
              Locale.ROOT,
              functionRow,
              total(f.before() != null, f.beforeTotal()),
              total(f.after() != null, f.afterTotal()),
              change(f) + noiseMark(f.noise()),
              VisibleSource.of(f.info().name() + "  " + f.location())));
    }
    String lineRow = "%6s %6s %11s %11s %11s %11s %22s  %s%n";
    for (FunctionDiff f : diff.functions()) {
      if (f.lines().isEmpty()) {
        continue;
      }
      out.append('\n')
          .append(VisibleSource.of(f.info().name() + "  " + f.location()))
          .append("\n\n");
      String header =
          String.format(
              Locale.ROOT,
              lineRow,
              "Before",
              "After",
              "Hits before",
              "Hits after",
              "Time before",
              "Time after",
              "Change",
              "Line Contents");
      out.append(header).append("=".repeat(header.strip().length())).append('\n');
      for (LineDiff line : shown(f)) {
        out.append(
            String.format(
                Locale.ROOT,
                lineRow,
                lineNumber(line.beforeLine()),
                lineNumber(line.afterLine()),
                hits(line.before()),
                hits(line.after()),
                time(line.before()),
                time(line.after()),
                change(line) + noiseMark(line.noise()),
                marker(line.kind()) + " " + VisibleSource.of(line.source())));
      }
    }
    return out.append('\n')
        .append(LEGEND)
        .append('\n')
        .append(diff.noise().rule())
        .append('\n')
        .toString();
  }

  public static String markdown(ReportDiff diff, String beforeName, String afterName) {
    StringBuilder out =
        new StringBuilder("## lineprof diff\n\n")
            .append(Markdown.code(beforeName))
            .append(" → ")
            .append(Markdown.code(afterName))
            .append("\n\n| Function | Before | After | Change | Location |\n")
            .append("| --- | ---: | ---: | ---: | --- |\n");
    for (FunctionDiff f : diff.functions()) {
      out.append("| ")
          .append(Markdown.code(f.info().name()))
          .append(" | ")
          .append(total(f.before() != null, f.beforeTotal()))
          .append(" | ")
          .append(total(f.after() != null, f.afterTotal()))
          .append(" | ")
          .append(change(f))
          .append(noiseMark(f.noise()))
          .append(" | ")
          .append(Markdown.code(f.location()))
          .append(" |\n");
    }
    for (FunctionDiff f : diff.functions()) {
      if (f.lines().isEmpty()) {
        continue;
      }
      out.append("\n### ")
          .append(Markdown.code(f.info().name()))
          .append("\n\n")
          .append(
              "| Line | Hits before | Hits after | Time before | Time after | Change | Source |\n")
          .append("| ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
      for (LineDiff line : shown(f)) {
        String source = line.source().strip();
        out.append("| ")
            .append(lineNumbers(line))
            .append(" | ")
            .append(hits(line.before()))
            .append(" | ")
            .append(hits(line.after()))
            .append(" | ")
            .append(time(line.before()))
            .append(" | ")
            .append(time(line.after()))
            .append(" | ")
            .append(change(line))
            .append(noiseMark(line.noise()))
            .append(" | ")
            .append(line.kind() == Kind.SAME ? "" : marker(line.kind()) + " ")
            .append(source.isEmpty() ? "" : Markdown.code(source))
            .append(" |\n");
      }
    }
    return out.append('\n')
        .append(Markdown.text(LEGEND))
        .append("\n\n")
        .append(Markdown.text(diff.noise().rule()))
        .append('\n')
        .toString();
  }

  /** One self-contained HTML page. */
  public static String html(ReportDiff diff, String beforeName, String afterName) {
    return DiffPage.render(diff, beforeName, afterName);
  }

  /** The lines worth a row: those that ran in either run, and every inserted or deleted one. */
  static List<LineDiff> shown(FunctionDiff f) {
    return f.lines().stream().filter(line -> !line.idle()).toList();
  }

  private static String noiseMark(boolean noise) {
    return noise ? " ~" : "";
  }

  static String marker(Kind kind) {
    return switch (kind) {
      case SAME -> " ";
      case INSERTED -> "+";
      case DELETED -> "-";
    };
  }

  static String total(boolean present, Numbers total) {
    return present ? Durations.readable(total.nanos()) : "-";
  }

  static String change(FunctionDiff f) {
    if (f.before() == null) {
      return "only after";
    }
    return f.after() == null
        ? "only before"
        : change(f.beforeTotal().nanos(), f.afterTotal().nanos());
  }

  static String change(LineDiff line) {
    return change(line.before().nanos(), line.after().nanos());
  }

  /** E.g. "-761.0 µs (-44.6 %)"; "+3.0 µs" from or to nothing; "0 ns". */
  private static String change(long before, long after) {
    long change = after - before;
    String amount =
        (change > 0 ? "+" : change < 0 ? "-" : "") + Durations.readable(Math.abs(change));
    return before == 0 || after == 0 || change == 0
        ? amount
        : amount + String.format(Locale.ROOT, " (%+.1f %%)", 100.0 * change / before);
  }

  @SuppressWarnings("ReferenceEquality") // NONE is a sentinel: a line of the other run only
  static String hits(Numbers numbers) {
    return numbers == Numbers.NONE ? "" : Long.toString(numbers.hits());
  }

  @SuppressWarnings("ReferenceEquality") // NONE is a sentinel: a line of the other run only
  static String time(Numbers numbers) {
    return numbers == Numbers.NONE || (numbers.hits() == 0 && numbers.nanos() == 0)
        ? ""
        : Durations.readable(numbers.nanos());
  }

  private static String lineNumber(int line) {
    return line == 0 ? "-" : Integer.toString(line);
  }

  /**
   * {@code 35}, {@code 35 → 37} for a line that moved, {@code +36} inserted, {@code -37} deleted.
   */
  static String lineNumbers(LineDiff line) {
    return switch (line.kind()) {
      case INSERTED -> "+" + line.afterLine();
      case DELETED -> "-" + line.beforeLine();
      case SAME ->
          line.beforeLine() == line.afterLine()
              ? Integer.toString(line.afterLine())
              : line.beforeLine() + " → " + line.afterLine();
    };
  }
}
