package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;

/**
 * Hits and wall-clock nanoseconds of every line of one function; index {@code i} is line
 * {@code info.firstLine() + i}. Optionally the number of calls, when the run counted them, and the
 * {@link Spread} of each line's hits, when the run timed hits one by one (exact mode).
 */
public final class FunctionStats implements Serializable {
  private final FunctionInfo info;
  private final long[] hits;
  private final long[] nanos;
  /** -1 when the run did not count calls; exposed as an {@link OptionalLong}. */
  private final long calls;
  /** {@link Spread#BUCKETS} counts per line, line after line; null when hits were not timed one by one. */
  private final long[] spread;

  public FunctionStats(FunctionInfo info, long[] hits, long[] nanos) {
    this(info, hits, nanos, -1, null);
  }

  private FunctionStats(FunctionInfo info, long[] hits, long[] nanos, long calls, long[] spread) {
    int n = info.lines().size();
    if (hits.length != n || nanos.length != n) {
      throw new IllegalArgumentException(
          info.name() + ": expected " + n + " lines, got " + hits.length + " hits and " + nanos.length + " times");
    }
    this.info = info;
    this.hits = hits.clone();
    this.nanos = nanos.clone();
    this.calls = calls;
    if (spread != null && spread.length != n * Spread.BUCKETS) {
      throw new IllegalArgumentException(info.name() + ": expected " + Spread.BUCKETS + " spread buckets per line");
    }
    this.spread = spread == null ? null : spread.clone();
  }

  /** These statistics with the number of times the function was entered, as counted by the probes. */
  public FunctionStats withCalls(long calls) {
    if (calls < 0) {
      throw new IllegalArgumentException(info.name() + ": negative number of calls " + calls);
    }
    return new FunctionStats(info, hits, nanos, calls, spread);
  }

  /** These statistics with the spread of each line's hits: {@link Spread#BUCKETS} counts per line, line after line. */
  public FunctionStats withSpread(long[] buckets) {
    return new FunctionStats(info, hits, nanos, calls, buckets);
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

  /** Whether the run timed each hit (exact mode), so lines have a {@link #spread}. */
  public boolean hasSpread() {
    return spread != null;
  }

  /** The line's {@link Spread#BUCKETS} counts, or null without {@link #hasSpread()}. */
  public long[] buckets(int line) {
    int from = (line - info.firstLine()) * Spread.BUCKETS;
    return spread == null ? null : Arrays.copyOfRange(spread, from, from + Spread.BUCKETS);
  }

  /** The spread of the line's hits; null without {@link #hasSpread()} or when no hit was timed. */
  public Spread.Summary spread(int line) {
    int i = line - info.firstLine();
    return spread == null ? null : Spread.summary(spread, i * Spread.BUCKETS, hits[i] == 0 ? 0 : (double) nanos[i] / hits[i]);
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
    return new FunctionStats(info, hits, t, calls, spread);
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
    // A spread of only one run's hits would misstate the combined lines: kept only when both have it.
    long[] s = null;
    if (spread != null && other.spread != null) {
      s = new long[spread.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = op.applyAsLong(spread[i], other.spread[i]);
      }
    }
    return new FunctionStats(info, h, t, c, s);
  }
}
