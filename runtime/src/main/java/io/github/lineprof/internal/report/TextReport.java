package io.github.lineprof.internal.report;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text report of Python's line_profiler ({@code show_text} and {@code show_func}), byte for
 * byte: same header, same number formats, same column rules.
 */
public final class TextReport {
  /** lineprof times in nanoseconds, like line_profiler on Linux. */
  private static final double RAW_UNIT = 1e-9;

  // line_profiler's column widths; 4.1+ treats them as minimums.
  private static final int HITS_WIDTH = 9;
  private static final int TIME_WIDTH = 12;
  private static final int PER_HIT_WIDTH = 8;

  private static final String[] HEADER = {"Line #", "Hits", "Time", "Per Hit", "% Time", "Line Contents"};

  /** The four numeric fields of a row; all empty for a line that never ran. */
  private record Cells(String hits, String time, String perHit, String percent) {
    static final Cells EMPTY = new Cells("", "", "", "");
  }

  private TextReport() {}

  public static String format(ProfileStats stats, TextOptions options) {
    double outputUnit = options.outputUnit() == null ? RAW_UNIT : options.outputUnit();
    StringBuilder out = new StringBuilder();
    out.append("Timer unit: ").append(PyFormat.g(outputUnit, 0, 6)).append(" s\n\n");
    List<FunctionStats> functions = shownFunctions(stats, options);
    for (FunctionStats function : functions) {
      appendFunction(out, function, RAW_UNIT / outputUnit, options.columns());
    }
    if (options.summarize()) {
      functions.forEach(function -> appendSummaryLine(out, function));
    }
    return out.toString();
  }

  /** Registration order or ascending total time (a stable sort), less the never-run if stripped. */
  private static List<FunctionStats> shownFunctions(ProfileStats stats, TextOptions options) {
    List<FunctionStats> functions = new ArrayList<>(stats.functions());
    if (options.sortByTime()) {
      functions.sort(Comparator.comparingLong(FunctionStats::totalNanos));
    }
    if (options.stripZeros()) {
      functions.removeIf(function -> function.totalHits() == 0);
    }
    return functions;
  }

  private static void appendFunction(StringBuilder out, FunctionStats stats, double scalar, Columns columns) {
    FunctionInfo info = stats.info();
    out.append("Total time: ").append(PyFormat.g(stats.totalNanos() * RAW_UNIT, 0, 6)).append(" s\n");
    out.append("File: ").append(info.file()).append('\n');
    out.append("Function: ").append(info.name()).append(" at line ").append(info.firstLine()).append("\n\n");

    boolean wide = columns == Columns.LINE_PROFILER_4_1;
    List<Cells> rows = new ArrayList<>();
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      rows.add(cells(stats, line, scalar, wide));
    }
    String template = template(rows, wide);
    String header = String.format(template, (Object[]) HEADER);
    out.append(header).append('\n').append("=".repeat(header.length())).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      Cells c = rows.get(i);
      String source = info.lines().get(i).replaceFirst("\n+\\z", "").replaceFirst("\r+\\z", "");
      out.append(String.format(template, info.firstLine() + i, c.hits, c.time, c.perHit, c.percent, source));
      out.append('\n');
    }
    out.append('\n');
  }

  private static Cells cells(FunctionStats stats, int line, double scalar, boolean wide) {
    long hits = stats.hits(line);
    if (hits == 0) {
      return Cells.EMPTY;
    }
    long nanos = stats.nanos(line);
    long total = stats.totalNanos();
    double time = nanos * scalar;
    double perHit = time / hits;
    String percent = total == 0 ? "" : PyFormat.f(percent(nanos, total), 5, 1);
    String timeText = PyFormat.f(time, 5, 1);
    String perHitText = PyFormat.f(perHit, 5, 1);
    String hitsText = Long.toString(hits);
    if (wide) {
      // 4.1+: too wide for the default column -> fewer significant digits.
      timeText = timeText.length() > TIME_WIDTH ? PyFormat.g(time, 5, 3) : timeText;
      perHitText = perHitText.length() > PER_HIT_WIDTH ? PyFormat.g(perHit, 5, 3) : perHitText;
      hitsText = hitsText.length() > HITS_WIDTH ? PyFormat.g(hits, 0, 6) : hitsText;
    }
    return new Cells(hitsText, timeText, perHitText, percent);
  }

  /** Python divides the integers exactly and rounds once; {@code 100.0 * nanos} could round first. */
  private static double percent(long nanos, long total) {
    return BigDecimal.valueOf(nanos)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128)
        .doubleValue();
  }

  /** {@code '%6s %9s %12s %8s %8s  %-s'}, the middle three widened to fit under 4.1+ rules. */
  private static String template(List<Cells> rows, boolean wide) {
    int hits = HITS_WIDTH;
    int time = TIME_WIDTH;
    int perHit = PER_HIT_WIDTH;
    if (wide) {
      for (Cells c : rows) {
        hits = Math.max(hits, c.hits.length());
        time = Math.max(time, c.time.length());
        perHit = Math.max(perHit, c.perHit.length());
      }
    }
    return "%6s %" + hits + "s %" + time + "s %" + perHit + "s %8s  %s";
  }

  private static void appendSummaryLine(StringBuilder out, FunctionStats stats) {
    FunctionInfo info = stats.info();
    out.append(PyFormat.f(stats.totalNanos() * RAW_UNIT, 6, 2))
        .append(" seconds - ")
        .append(info.file())
        .append(':')
        .append(info.firstLine())
        .append(" - ")
        .append(info.name())
        .append('\n');
  }
}
