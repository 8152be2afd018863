package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Hits and wall-clock nanoseconds of every line of one function; index {@code i} is line
 * {@code info.firstLine() + i}.
 */
public final class FunctionStats implements Serializable {
  private final FunctionInfo info;
  private final long[] hits;
  private final long[] nanos;

  public FunctionStats(FunctionInfo info, long[] hits, long[] nanos) {
    int n = info.lines().size();
    if (hits.length != n || nanos.length != n) {
      throw new IllegalArgumentException(
          info.name() + ": expected " + n + " lines, got " + hits.length + " hits and " + nanos.length + " times");
    }
    this.info = info;
    this.hits = hits.clone();
    this.nanos = nanos.clone();
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

  public long totalHits() {
    return Arrays.stream(hits).sum();
  }

  public long totalNanos() {
    return Arrays.stream(nanos).sum();
  }

  public FunctionStats plus(FunctionStats other) {
    return combine(other, 1);
  }

  /** What happened between {@code earlier} and this snapshot of the same function. */
  public FunctionStats minus(FunctionStats earlier) {
    return combine(earlier, -1);
  }

  /** This function less {@code nanosPerEvent} per hit on each line, never below zero. */
  public FunctionStats calibrated(double nanosPerEvent) {
    long[] t = new long[nanos.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.max(0, nanos[i] - Math.round(hits[i] * nanosPerEvent));
    }
    return new FunctionStats(info, hits, t);
  }

  private FunctionStats combine(FunctionStats other, int sign) {
    if (!info.sameFunction(other.info) || hits.length != other.hits.length) {
      throw new IllegalArgumentException("not the same function: " + info.name() + ", " + other.info.name());
    }
    long[] h = new long[hits.length];
    long[] t = new long[hits.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = hits[i] + sign * other.hits[i];
      t[i] = nanos[i] + sign * other.nanos[i];
    }
    return new FunctionStats(info, h, t);
  }
}
