package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;

/**
 * One function's time per source line, inclusive of callees, by the counting rule of {@link
 * FunctionTally}: an event is on the line of the innermost invocation of the function on its stack
 * (a recursive call's line does not hold the deeper calls' time again) and on the lines of nested
 * code (lambda bodies, anonymous and local classes) running deeper, which its calling line includes
 * too. The function's total counts each event with an invocation on the stack once: it is the sum
 * of the lines of the function's own body.
 */
public final class FunctionTimes {
  private final FunctionTally tally;
  private final double executionUnitNanos;
  private final double nativeUnitNanos;

  /**
   * A function's times: a sample's weight unit (see {@link FunctionTally}) stands for the unit's
   * nanoseconds.
   */
  FunctionTimes(FunctionTally tally, double executionUnitNanos, double nativeUnitNanos) {
    this.tally = tally;
    this.executionUnitNanos = executionUnitNanos;
    this.nativeUnitNanos = nativeUnitNanos;
  }

  public FunctionInfo function() {
    return tally.function;
  }

  /** Nanoseconds charged to a source line of the function. */
  public long nanos(int line) {
    int i = index(line);
    return weigh(tally.executionUnits[i], tally.nativeUnits[i], tally.blockedNanos[i]);
  }

  /** Bytes allocated by a source line, callees included: the weights of its allocation samples. */
  public long bytes(int line) {
    return tally.allocatedBytes[index(line)];
  }

  /** Events charged to a source line: samples and blocking events. */
  public long events(int line) {
    int i = index(line);
    return tally.executionSamples[i] + tally.nativeSamples[i] + tally.blockedEvents[i];
  }

  /** Samples charged to a source line (the part of its time that is estimated, not measured). */
  public long samples(int line) {
    int i = index(line);
    return tally.executionSamples[i] + tally.nativeSamples[i];
  }

  /** A line's part of the function's total time, 0 to 1; 0 when the function got no time. */
  double share(int line) {
    long total = totalNanos();
    return total == 0 ? 0 : (double) nanos(line) / total;
  }

  /**
   * The sum of the lines' time: above {@link #totalNanos()} by the time of nested lines, which
   * their calling lines hold too.
   */
  long lineNanosSum() {
    long sum = 0;
    for (int line = tally.function.firstLine(); line <= tally.function.lastLine(); line++) {
      sum += nanos(line);
    }
    return sum;
  }

  /** Nanoseconds an invocation of the function was on the stack, each event counted once. */
  public long totalNanos() {
    return weigh(tally.executionUnitsOnStack, tally.nativeUnitsOnStack, tally.blockedNanosOnStack);
  }

  /** Events with the function on the stack. */
  public long events() {
    return tally.executionSamplesOnStack + tally.nativeSamplesOnStack + tally.blockedEventsOnStack;
  }

  /** Samples with the function on the stack. */
  public long samples() {
    return tally.executionSamplesOnStack + tally.nativeSamplesOnStack;
  }

  /** Nanoseconds of {@link #totalNanos()} that come from samples. */
  long sampledNanos() {
    return weigh(tally.executionUnitsOnStack, tally.nativeUnitsOnStack, 0);
  }

  FunctionTally tally() {
    return tally;
  }

  private long weigh(long executionUnits, long nativeUnits, long blockedNanos) {
    return Math.round(executionUnits * executionUnitNanos + nativeUnits * nativeUnitNanos)
        + blockedNanos;
  }

  private int index(int line) {
    if (line < tally.function.firstLine() || line > tally.function.lastLine()) {
      throw new IllegalArgumentException("line " + line + " is not in " + tally.function.name());
    }
    return line - tally.function.firstLine();
  }
}
