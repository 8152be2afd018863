package io.github.lineprof.report;

import io.github.lineprof.report.stats.Spread;

/**
 * One line of a function's table, as every report format shows it.
 *
 * @param line the line number in the source file
 * @param hits how often the line ran
 * @param nanos the line's time in nanoseconds, as measured
 * @param time the line's time in the report's output unit
 * @param perHit {@code time / hits}, in the output unit; 0 for a line that never ran
 * @param percent the line's share of its function's time, exact to a double (line_profiler divides
 *     the integers); 0 when the function's total is 0. A nested line's share is of the same total,
 *     which holds it already (in its calling line's)
 * @param bytes bytes the line allocated, callees included; 0 when the run did not measure them (see
 *     {@link FunctionRows#hasBytes})
 * @param source the line's text without its line terminator, as line_profiler prints it
 * @param spread min, median, p99 and max of the line's hits in nanoseconds; null unless the run
 *     timed each hit (exact mode) and the line ran
 * @param depth 0 for a top-level line, 1 for a line of a lambda or class inside the function, 2 for
 *     one inside that, ...
 * @param caller the line whose time includes this one's; 0 for a top-level line
 * @param halfWidth the 95 % half-width of {@code percent}, in points of its function's time, when
 *     the time was estimated from samples (see {@link FunctionRows#sampled}); 0 otherwise
 */
record LineRow(
    int line,
    long hits,
    long nanos,
    double time,
    double perHit,
    double percent,
    long bytes,
    String source,
    Spread.Summary spread,
    int depth,
    int caller,
    double halfWidth) {

  /** A line that never ran shows its source only. */
  public boolean ran() {
    return hits > 0;
  }

  /** Whether the line is in a lambda or class inside the function: its time is in its caller's. */
  public boolean nested() {
    return depth > 0;
  }
}
