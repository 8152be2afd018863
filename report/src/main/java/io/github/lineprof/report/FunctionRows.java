package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.SamplePrecision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A function's rows and totals, computed once and rendered by every report format (text, HTML,
 * Markdown). A new column is a component of {@link LineRow} computed here, plus its cell in each
 * format.
 */
final class FunctionRows {
  /**
   * Seconds per nanosecond, the unit lineprof measures in (line_profiler's timer unit on Linux).
   */
  static final double NANOS = 1e-9;

  private final FunctionInfo info;
  private final double outputUnit;
  private final List<LineRow> rows;
  private final long totalHits;
  private final long totalNanos;
  private final boolean hasBytes;
  private final long totalBytes;
  private final Calls calls;
  private final boolean sampled;

  private FunctionRows(
      FunctionInfo info,
      double outputUnit,
      List<LineRow> rows,
      long totalHits,
      long totalNanos,
      boolean hasBytes,
      long totalBytes,
      Calls calls,
      boolean sampled) {
    this.info = info;
    this.outputUnit = outputUnit;
    this.rows = List.copyOf(rows);
    this.totalHits = totalHits;
    this.totalNanos = totalNanos;
    this.hasBytes = hasBytes;
    this.totalBytes = totalBytes;
    this.calls = calls;
    this.sampled = sampled;
  }

  /**
   * The rows of every function of {@code stats}, in their order.
   *
   * @param outputUnit seconds per unit of the {@link LineRow#time} and {@link LineRow#perHit}
   *     values
   */
  static List<FunctionRows> of(ProfileStats stats, double outputUnit) {
    return stats.functions().stream().map(f -> of(f, outputUnit)).toList();
  }

  static FunctionRows of(FunctionStats stats, double outputUnit) {
    FunctionInfo info = stats.info();
    // line_profiler multiplies by one scalar, not divides each value: keep its rounding.
    double scalar = NANOS / outputUnit;
    long total = stats.totalNanos();
    List<LineRow> rows = new ArrayList<>(info.lines().size());
    List<Integer> callers = info.callers();
    long samples = topLevelSamples(stats);
    for (int i = 0; i < info.lines().size(); i++) {
      int line = info.firstLine() + i;
      long hits = stats.hits(line);
      long nanos = stats.nanos(line);
      double time = nanos * scalar;
      rows.add(
          new LineRow(
              line,
              hits,
              nanos,
              time,
              hits == 0 ? 0 : time / hits,
              total == 0 ? 0 : percent(nanos, total),
              stats.hasBytes() ? stats.bytes(line) : 0,
              stripTerminator(info.lines().get(i)),
              stats.spread(line),
              info.depth(line),
              callers.get(i),
              hits == 0 || samples == 0
                  ? 0
                  : SamplePrecision.lineHalfWidthPoints(stats.samples(line), samples)));
    }
    return new FunctionRows(
        info,
        outputUnit,
        rows,
        stats.totalHits(),
        total,
        stats.hasBytes(),
        stats.totalBytes(),
        calls(stats, rows),
        samples > 0);
  }

  /**
   * The samples the function's time was estimated from: its top-level lines', since a nested line's
   * samples are in its calling line's too; 0 when the run kept none.
   */
  private static long topLevelSamples(FunctionStats stats) {
    if (!stats.hasSamples()) {
      return 0;
    }
    FunctionInfo info = stats.info();
    long samples = 0;
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      if (!info.nested(line)) {
        samples += stats.samples(line);
      }
    }
    return samples;
  }

  FunctionInfo info() {
    return info;
  }

  /** Seconds per unit of the rows' {@link LineRow#time} and {@link LineRow#perHit}. */
  double outputUnit() {
    return outputUnit;
  }

  /** One row per line of the function, from its first line to its last. */
  List<LineRow> rows() {
    return rows;
  }

  long totalHits() {
    return totalHits;
  }

  long totalNanos() {
    return totalNanos;
  }

  /** Whether the run measured the bytes each line allocated ({@link LineRow#bytes}). */
  boolean hasBytes() {
    return hasBytes;
  }

  /** The bytes the function allocated, callees included: the sum of its lines'. */
  long totalBytes() {
    return totalBytes;
  }

  /** Whether any line is nested (see {@link LineRow#nested}). */
  boolean hasNested() {
    return info.hasNested();
  }

  /** Whether any line ran. */
  boolean ran() {
    return totalHits > 0;
  }

  /** Whether the lines have a {@link LineRow#percent}: not when the function's total time is 0. */
  boolean timed() {
    return totalNanos != 0;
  }

  Calls calls() {
    return calls;
  }

  /**
   * Whether the lines' times were estimated from samples, so each row has a {@link
   * LineRow#halfWidth}: a line's share of the function's samples, {@code q = k / n}, is off by at
   * most {@code 1.96 sqrt(q (1 - q) / n)} at 95 % ({@code 3 / n} for a line that ran but got no
   * sample). Where part of the time is measured rather than sampled (waits in original mode), this
   * bounds the error from above.
   */
  boolean sampled() {
    return sampled;
  }

  /**
   * The row with the widest {@link LineRow#halfWidth}, the function's precision; the first of ties.
   */
  LineRow widest() {
    LineRow widest = rows.get(0);
    for (LineRow row : rows) {
      if (row.halfWidth() > widest.halfWidth()) {
        widest = row;
      }
    }
    return widest;
  }

  /** {@code file:firstLine}, how reports locate a function. */
  String location() {
    return info.file() + ":" + info.firstLine();
  }

  /**
   * How often a function ran. Summed line hits are not it (a loop's lines run many times per call),
   * and neither is the first body line's hits (a loop header there runs once per iteration).
   *
   * @param count the number of calls, or an estimate of it
   * @param counted whether the probes counted the calls; if not, {@code count} is the hits of
   *     {@code line}, the first line that ran
   * @param line the line the estimate comes from; 0 when counted or never run
   */
  record Calls(long count, boolean counted, int line) {
    /** Says where the number comes from, e.g. for a tooltip. */
    public String note() {
      if (counted) {
        return "calls counted by the probes";
      }
      return line == 0
          ? "never ran"
          : "hits of line " + line + ", the first line that ran (calls were not counted)";
    }
  }

  private static Calls calls(FunctionStats stats, List<LineRow> rows) {
    OptionalLong counted = stats.calls();
    if (counted.isPresent()) {
      return new Calls(counted.getAsLong(), true, 0);
    }
    return rows.stream()
        .filter(LineRow::ran)
        .findFirst()
        .map(row -> new Calls(row.hits(), false, row.line()))
        .orElse(new Calls(0, false, 0));
  }

  /** The largest long a double holds exactly. */
  private static final long EXACT_DOUBLE = 1L << 53;

  /** The largest count whose 100 times is still {@link #EXACT_DOUBLE}. */
  private static final long EXACT_PERCENT = EXACT_DOUBLE / 100;

  /**
   * Python divides the integers exactly and rounds once; {@code 100.0 * nanos} could round first.
   */
  private static double percent(long nanos, long total) {
    if (nanos <= EXACT_PERCENT && total <= EXACT_DOUBLE) {
      // both operands exact as doubles: IEEE division rounds the exact quotient once, like Python
      return 100.0 * nanos / total;
    }
    return BigDecimal.valueOf(nanos)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128)
        .doubleValue();
  }

  /** line_profiler's {@code line.rstrip('\n').rstrip('\r')}. */
  private static String stripTerminator(String line) {
    return Objects.requireNonNull(line).replaceFirst("\n+\\z", "").replaceFirst("\r+\\z", "");
  }
}
