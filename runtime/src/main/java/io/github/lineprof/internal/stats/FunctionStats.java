package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;

/**
 * Hits and wall-clock nanoseconds of every line of one function; index {@code i} is line
 * {@code info.firstLine() + i}. Optionally the number of calls, when the run counted them.
 */
public final class FunctionStats implements Serializable {
  private final FunctionInfo info;
  private final long[] hits;
  private final long[] nanos;
  /** -1 when the run did not count calls; exposed as an {@link OptionalLong}. */
  private final long calls;

  public FunctionStats(FunctionInfo info, long[] hits, long[] nanos) {
    this(info, hits, nanos, -1);
  }

  private FunctionStats(FunctionInfo info, long[] hits, long[] nanos, long calls) {
    int n = info.lines().size();
    if (hits.length != n || nanos.length != n) {
      throw new IllegalArgumentException(
          info.name() + ": expected " + n + " lines, got " + hits.length + " hits and " + nanos.length + " times");
    }
    this.info = info;
    this.hits = hits.clone();
    this.nanos = nanos.clone();
    this.calls = calls;
  }

  /** These statistics with the number of times the function was entered, as counted by the probes. */
  public FunctionStats withCalls(long calls) {
    if (calls < 0) {
      throw new IllegalArgumentException(info.name() + ": negative number of calls " + calls);
    }
    return new FunctionStats(info, hits, nanos, calls);
  }

  public FunctionInfo info() {
    return info;
  }

  public long hits(int line) {
    return hits[line - info.firstLine()];
  }

  public long nanos(int line) {
    return nanos[line - info.firstLine()];
  }

  /** How often the function was entered, if the run counted it. */
  public OptionalLong calls() {
    return calls < 0 ? OptionalLong.empty() : OptionalLong.of(calls);
  }

  public long totalHits() {
    return Arrays.stream(hits).sum();
  }

  public long totalNanos() {
    return Arrays.stream(nanos).sum();
  }

  /**
   * The sum of two runs of the same function.
   *
   * @throws IllegalArgumentException if the functions' source texts differ
   * @throws ArithmeticException if a sum is beyond a {@code long}
   */
  public FunctionStats plus(FunctionStats other) {
    return combine(other, Math::addExact);
  }

  /** What happened between {@code earlier} and this snapshot of the same function. */
  public FunctionStats minus(FunctionStats earlier) {
    return combine(earlier, Math::subtractExact);
  }

  /** This function less {@code nanosPerEvent} per hit on each line, never below zero. */
  public FunctionStats calibrated(double nanosPerEvent) {
    long[] t = new long[nanos.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.max(0, nanos[i] - Math.round(hits[i] * nanosPerEvent));
    }
    return new FunctionStats(info, hits, t, calls);
  }

  private FunctionStats combine(FunctionStats other, LongBinaryOperator op) {
    if (!info.sameFunction(other.info)) {
      throw new IllegalArgumentException("not the same function: " + info.name() + ", " + other.info.name());
    }
    // Same place, other text: summing would book one version's hits under the other's lines.
    if (!info.lines().equals(other.info.lines())) {
      throw new IllegalArgumentException(info.name() + " (" + info.file() + ":" + info.firstLine()
          + "): the source text differs between the runs");
    }
    long[] h = new long[hits.length];
    long[] t = new long[hits.length];
    for (int i = 0; i < h.length; i++) {
      try {
        h[i] = op.applyAsLong(hits[i], other.hits[i]);
        t[i] = op.applyAsLong(nanos[i], other.nanos[i]);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(info.name() + ", line " + (info.firstLine() + i)
            + ": the sum is beyond the largest count, " + Long.MAX_VALUE);
      }
    }
    long c = calls < 0 || other.calls < 0 ? -1 : op.applyAsLong(calls, other.calls);
    return new FunctionStats(info, h, t, c);
  }
}
