package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text report of Python's line_profiler ({@code show_text} and {@code show_func}), byte for
 * byte: same header, same number formats, same column rules. Only {@link TextOptions#allocations}
 * adds what line_profiler does not have: a Bytes column before the source.
 *
 * <p>Lines of a lambda or class inside a function (nested lines) show their {@code % Time} in
 * brackets, {@code [45.0]}: their time is in their calling line's and not added again into the
 * Total time, so the unbracketed percentages add up to 100. Their source keeps its indentation,
 * under the calling line; a legend under the tables says so.
 *
 * <p>A function whose times were estimated from samples gets a line under its table that states
 * their precision ({@link PrecisionNote}).
 */
public final class TextReport {
  // line_profiler's column widths; 4.1+ treats them as minimums.
  private static final int HITS_WIDTH = 9;
  private static final int TIME_WIDTH = 12;
  private static final int PER_HIT_WIDTH = 8;
  private static final int BYTES_WIDTH = 12;

  private static final String[] HEADER = {
    "Line #", "Hits", "Time", "Per Hit", "% Time", "Line Contents"
  };
  private static final String[] HEADER_WITH_BYTES = {
    "Line #", "Hits", "Time", "Per Hit", "% Time", "Bytes", "Line Contents"
  };

  /** The numeric fields of a row; all empty for a line that never ran. */
  private record Cells(String hits, String time, String perHit, String percent, String bytes) {
    static final Cells EMPTY = new Cells("", "", "", "", "");
  }

  /** Under the tables when a shown function has nested lines. */
  static final String NESTED_LEGEND =
      "[% Time]: a line of a lambda or class inside the function; its time is in the line that"
          + " calls it and not added again into Total time.";

  private TextReport() {}

  public static String format(ProfileStats stats, TextOptions options) {
    double outputUnit = options.outputUnit() == null ? FunctionRows.NANOS : options.outputUnit();
    StringBuilder out = new StringBuilder();
    out.append("Timer unit: ").append(PyFormat.g(outputUnit, 0, 6)).append(" s\n\n");
    List<FunctionRows> functions = shownFunctions(FunctionRows.of(stats, outputUnit), options);
    for (FunctionRows function : functions) {
      appendFunction(
          out, function, options.columns(), options.allocations() && function.hasBytes());
    }
    if (functions.stream().anyMatch(f -> f.hasNested() && f.ran())) {
      out.append(NESTED_LEGEND).append("\n\n");
    }
    if (options.summarize()) {
      functions.forEach(function -> appendSummaryLine(out, function));
    }
    return out.toString();
  }

  /** Registration order or ascending total time (a stable sort), less the never-run if stripped. */
  private static List<FunctionRows> shownFunctions(List<FunctionRows> all, TextOptions options) {
    List<FunctionRows> functions = new ArrayList<>(all);
    if (options.sortByTime()) {
      functions.sort(Comparator.comparingLong(FunctionRows::totalNanos));
    }
    if (options.stripZeros()) {
      functions.removeIf(function -> !function.ran());
    }
    return functions;
  }

  private static void appendFunction(
      StringBuilder out, FunctionRows function, Columns columns, boolean bytes) {
    FunctionInfo info = function.info();
    out.append("Total time: ")
        .append(PyFormat.g(function.totalNanos() * FunctionRows.NANOS, 0, 6))
        .append(" s\n");
    out.append("File: ").append(info.file()).append('\n');
    out.append("Function: ")
        .append(info.name())
        .append(" at line ")
        .append(info.firstLine())
        .append("\n\n");

    boolean wide = columns == Columns.LINE_PROFILER_4_1;
    List<Cells> cells = function.rows().stream().map(row -> cells(function, row, wide)).toList();
    String template = template(cells, wide, bytes);
    String header = String.format(template, (Object[]) (bytes ? HEADER_WITH_BYTES : HEADER));
    out.append(header).append('\n').append("=".repeat(header.length())).append('\n');
    for (int i = 0; i < cells.size(); i++) {
      Cells c = cells.get(i);
      LineRow row = function.rows().get(i);
      String source = VisibleSource.of(row.source());
      out.append(
          bytes
              ? String.format(
                  template, row.line(), c.hits, c.time, c.perHit, c.percent, c.bytes, source)
              : String.format(template, row.line(), c.hits, c.time, c.perHit, c.percent, source));
      out.append('\n');
    }
    PrecisionNote.text(function).ifPresent(note -> out.append(note).append('\n'));
    out.append('\n');
  }

  private static Cells cells(FunctionRows function, LineRow row, boolean wide) {
    if (!row.ran()) {
      return Cells.EMPTY;
    }
    String percent = !function.timed() ? "" : PyFormat.f(row.percent(), 5, 1);
    if (row.nested() && !percent.isEmpty()) {
      percent = "[" + percent.strip() + "]";
    }
    String timeText = PyFormat.f(row.time(), 5, 1);
    String perHitText = PyFormat.f(row.perHit(), 5, 1);
    String hitsText = Long.toString(row.hits());
    if (wide) {
      // 4.1+: too wide for the default column -> fewer significant digits.
      timeText = timeText.length() > TIME_WIDTH ? PyFormat.g(row.time(), 5, 3) : timeText;
      perHitText =
          perHitText.length() > PER_HIT_WIDTH ? PyFormat.g(row.perHit(), 5, 3) : perHitText;
      hitsText = hitsText.length() > HITS_WIDTH ? PyFormat.g(row.hits(), 0, 6) : hitsText;
    }
    return new Cells(hitsText, timeText, perHitText, percent, Long.toString(row.bytes()));
  }

  /**
   * {@code '%6s %9s %12s %8s %8s %-s'}, the middle three widened to fit under 4.1+ rules; with
   * {@code bytes}, a Bytes column before the source, widened likewise.
   */
  private static String template(List<Cells> rows, boolean wide, boolean bytes) {
    int hits = HITS_WIDTH;
    int time = TIME_WIDTH;
    int perHit = PER_HIT_WIDTH;
    int byteCount = BYTES_WIDTH;
    if (wide) {
      for (Cells c : rows) {
        hits = Math.max(hits, c.hits.length());
        time = Math.max(time, c.time.length());
        perHit = Math.max(perHit, c.perHit.length());
        byteCount = Math.max(byteCount, c.bytes.length());
      }
    }
    return "%6s %"
        + hits
        + "s %"
        + time
        + "s %"
        + perHit
        + "s %8s"
        + (bytes ? " %" + byteCount + "s" : "")
        + "  %s";
  }

  private static void appendSummaryLine(StringBuilder out, FunctionRows function) {
    FunctionInfo info = function.info();
    out.append(PyFormat.f(function.totalNanos() * FunctionRows.NANOS, 6, 2))
        .append(" seconds - ")
        .append(info.file())
        .append(':')
        .append(info.firstLine())
        .append(" - ")
        .append(info.name())
        .append('\n');
  }
}
