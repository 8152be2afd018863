package io.github.lineprof.report.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongBinaryOperator;

/**
 * Hits and wall-clock nanoseconds of every line of one function; index {@code i} is line {@code
 * info.firstLine() + i}. Optionally the number of calls, when the run counted them, the bytes each
 * line allocated and the samples each line's time was estimated from, when the run measured them
 * (original mode), and the {@link Spread} of each line's hits, when the run timed hits one by one
 * (exact mode), and each line's time in each of several independent measurements (harness repeats,
 * JMH forks), so that two reports can be compared with a statistical test.
 *
 * <p>The function's total time is the sum of its top-level lines': a nested line's time (a lambda's
 * or inner class's, see {@link FunctionInfo}) is already in its calling line's, so each nanosecond
 * counts once.
 */
public final class FunctionStats implements Serializable {
  private final FunctionInfo info;
  private final long[] hits;
  private final long[] nanos;

  /** Null when the run did not measure allocations. */
  private final long[] bytes;

  /** Null when the times were not estimated from samples, or the run did not keep their counts. */
  private final long[] samples;

  /**
   * {@link Spread#BUCKETS} counts per line, line after line; null when hits were not timed one by
   * one.
   */
  private final long[] spread;

  /** -1 when the run did not count calls; exposed as an {@link OptionalLong}. */
  private final long calls;

  /**
   * Per independent measurement, per line, its time on the scale of {@link #nanos}; null when the
   * report holds one measurement only.
   */
  private final long[][] runNanos;

  /**
   * Per independent measurement, the nanoseconds the speed control took in it (the same fixed work
   * in every measurement's JVM); null when {@link #runNanos} is, or the measurements did not time
   * it.
   */
  private final long[] runControl;

  public FunctionStats(FunctionInfo info, long[] hits, long[] nanos) {
    this(info, hits, nanos, null, null, null, -1, null, null);
  }

  private FunctionStats(
      FunctionInfo info,
      long[] hits,
      long[] nanos,
      long[] bytes,
      long[] samples,
      long[] spread,
      long calls,
      long[][] runNanos,
      long[] runControl) {
    int n = info.lines().size();
    if (hits.length != n
        || nanos.length != n
        || (bytes != null && bytes.length != n)
        || (samples != null && samples.length != n)) {
      throw new IllegalArgumentException(
          info.name()
              + ": expected "
              + n
              + " lines, got "
              + hits.length
              + " hits, "
              + nanos.length
              + " times"
              + (bytes == null ? "" : ", " + bytes.length + " byte counts")
              + (samples == null ? "" : ", " + samples.length + " sample counts"));
    }
    this.info = info;
    this.hits = hits.clone();
    this.nanos = nanos.clone();
    this.bytes = bytes == null ? null : bytes.clone();
    this.samples = samples == null ? null : samples.clone();
    if (spread != null && spread.length != n * Spread.BUCKETS) {
      throw new IllegalArgumentException(
          info.name() + ": expected " + Spread.BUCKETS + " spread buckets per line");
    }
    this.spread = spread == null ? null : spread.clone();
    this.calls = calls;
    if (runNanos != null) {
      for (long[] run : runNanos) {
        if (run.length != n) {
          throw new IllegalArgumentException(
              info.name() + ": expected " + n + " lines per run, got " + run.length);
        }
      }
      this.runNanos = runNanos.clone();
      for (int r = 0; r < runNanos.length; r++) {
        this.runNanos[r] = runNanos[r].clone();
      }
    } else {
      this.runNanos = null;
    }
    if (runControl != null
        && (runNanos == null
            || runControl.length != runNanos.length
            || Arrays.stream(runControl).anyMatch(t -> t <= 0))) {
      throw new IllegalArgumentException(
          info.name() + ": expected a speed control above 0 ns for each of the runs kept apart");
    }
    this.runControl = runControl == null ? null : runControl.clone();
    checkTotal("hits", hits);
    checkTotal("nanos", nanos);
    checkTotal("bytes", bytes);
    checkTotal("samples", samples);
  }

  /** The totals a report prints must be counts too, not a sum wrapped around to a negative. */
  private void checkTotal(String what, long[] perLine) {
    if (perLine == null) {
      return;
    }
    try {
      long total = 0;
      for (long value : perLine) {
        total = Math.addExact(total, value);
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          info.name()
              + ": the "
              + what
              + " of its lines sum beyond the largest count, "
              + Long.MAX_VALUE,
          e);
    }
  }

  /**
   * These statistics with the number of times the function was entered, as counted by the probes.
   */
  public FunctionStats withCalls(long calls) {
    if (calls < 0) {
      throw new IllegalArgumentException(info.name() + ": negative number of calls " + calls);
    }
    return new FunctionStats(
        info, hits, nanos, bytes, samples, spread, calls, runNanos, runControl);
  }

  /** These statistics with the bytes each line allocated, callees included. */
  public FunctionStats withBytes(long[] bytes) {
    return new FunctionStats(
        info, hits, nanos, bytes, samples, spread, calls, runNanos, runControl);
  }

  /** These statistics with the number of samples each line's time was estimated from. */
  public FunctionStats withSamples(long[] samples) {
    return new FunctionStats(
        info, hits, nanos, bytes, samples, spread, calls, runNanos, runControl);
  }

  /**
   * These statistics with the spread of each line's hits: {@link Spread#BUCKETS} counts per line,
   * line after line.
   */
  public FunctionStats withSpread(long[] buckets) {
    return new FunctionStats(
        info, hits, nanos, bytes, samples, buckets, calls, runNanos, runControl);
  }

  /**
   * These statistics with each line's time in each of several independent measurements ({@code
   * runs.size()} of them, each one time per line), on the scale of {@link #nanos}.
   */
  public FunctionStats withRunNanos(List<long[]> runs) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException(
          info.name() + ": repeated measurements need 2 runs or more, got " + runs.size());
    }
    return new FunctionStats(
        info, hits, nanos, bytes, samples, spread, calls, runs.toArray(new long[0][]), null);
  }

  /**
   * These statistics with the speed control each of their runs kept apart timed ({@code
   * controlNanos[r]} nanoseconds in run {@code r}).
   *
   * @throws IllegalArgumentException unless there is one time above 0 for each run
   */
  public FunctionStats withRunControl(long[] controlNanos) {
    return new FunctionStats(
        info, hits, nanos, bytes, samples, spread, calls, runNanos, controlNanos);
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

  /** Whether the run measured the bytes each line allocated. */
  public boolean hasBytes() {
    return bytes != null;
  }

  /**
   * Bytes the line allocated, callees included.
   *
   * @throws IllegalStateException if the run did not measure allocations
   */
  public long bytes(int line) {
    if (bytes == null) {
      throw new IllegalStateException(info.name() + ": allocations were not measured");
    }
    return bytes[line - info.firstLine()];
  }

  public long totalBytes() {
    return bytes == null ? 0 : Arrays.stream(bytes).sum();
  }

  /** Whether the run kept how many samples each line's time was estimated from. */
  public boolean hasSamples() {
    return samples != null;
  }

  /**
   * The samples the line's time was estimated from.
   *
   * @throws IllegalStateException if the run kept no sample counts
   */
  public long samples(int line) {
    if (samples == null) {
      throw new IllegalStateException(info.name() + ": no sample counts");
    }
    return samples[line - info.firstLine()];
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
    return spread == null
        ? null
        : Spread.summary(
            spread, i * Spread.BUCKETS, hits[i] == 0 ? 0 : (double) nanos[i] / hits[i]);
  }

  /** How many independent measurements the report keeps apart: 0 when only their result. */
  public int runCount() {
    return runNanos == null ? 0 : runNanos.length;
  }

  /**
   * The line's time in measurement {@code run}, on the scale of {@link #nanos}.
   *
   * @throws IllegalStateException if the report keeps no measurements apart
   */
  public long runNanos(int run, int line) {
    if (runNanos == null) {
      throw new IllegalStateException(info.name() + ": no separate measurements");
    }
    return runNanos[run][line - info.firstLine()];
  }

  /**
   * Run {@code run} of the runs kept apart as a function of its own: that run's times, the same
   * hits, bytes and calls; the samples, counted for all runs together, go with run 0 so that their
   * sum stays. A function of which no runs were kept has its mean time in each.
   */
  public FunctionStats run(int run) {
    long[] t = run < runCount() ? runNanos[run] : nanos;
    long[] s = samples == null || run == 0 ? samples : new long[samples.length];
    return new FunctionStats(info, hits, t, bytes, s, null, calls, null, null);
  }

  /** Whether each run kept apart timed the speed control. */
  public boolean hasRunControl() {
    return runControl != null;
  }

  /**
   * The nanoseconds the speed control took in measurement {@code run}.
   *
   * @throws IllegalStateException if the runs did not time it
   */
  public long runControl(int run) {
    if (runControl == null) {
      throw new IllegalStateException(info.name() + ": no speed control");
    }
    return runControl[run];
  }

  /** How often the function was entered, if the run counted it. */
  public OptionalLong calls() {
    return calls < 0 ? OptionalLong.empty() : OptionalLong.of(calls);
  }

  public long totalHits() {
    return Arrays.stream(hits).sum();
  }

  /** The sum of the top-level lines' times: nested lines' are in their calling lines'. */
  public long totalNanos() {
    long total = 0;
    for (int i = 0; i < nanos.length; i++) {
      if (!info.nested(info.firstLine() + i)) {
        total += nanos[i];
      }
    }
    return total;
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
    return new FunctionStats(info, hits, t, bytes, samples, spread, calls, runNanos, runControl);
  }

  private FunctionStats combine(FunctionStats other, LongBinaryOperator op) {
    if (!info.sameFunction(other.info)) {
      throw new IllegalArgumentException(
          "not the same function: " + info.name() + ", " + other.info.name());
    }
    // Same place, other text: summing would book one version's hits under the other's lines.
    if (!info.lines().equals(other.info.lines())) {
      throw new IllegalArgumentException(
          info.name()
              + " ("
              + info.file()
              + ":"
              + info.firstLine()
              + "): the source text differs between the runs");
    }
    long c = calls < 0 || other.calls < 0 ? -1 : op.applyAsLong(calls, other.calls);
    return new FunctionStats(
        nesting(other.info),
        combine(hits, other.hits, op, 1),
        combine(nanos, other.nanos, op, 1),
        combine(bytes, other.bytes, op, 1),
        combine(samples, other.samples, op, 1),
        combine(spread, other.spread, op, Spread.BUCKETS),
        c,
        // a sum of different measurements is no repeat of one
        null,
        null);
  }

  /**
   * The info of the sum: a report written before lines were known to be nested has them all
   * top-level, so the other run's nesting is kept.
   */
  private FunctionInfo nesting(FunctionInfo other) {
    if (info.depths().equals(other.depths()) || !other.hasNested()) {
      return info;
    }
    if (!info.hasNested()) {
      return other;
    }
    throw new IllegalArgumentException(
        info.name()
            + " ("
            + info.file()
            + ":"
            + info.firstLine()
            + "): the nested lines differ between the runs");
  }

  /**
   * Line by line ({@code perLine} values each); null when either side is: an optional column
   * measured by one run only would be that run's alone under the other's hits.
   */
  private long[] combine(long[] mine, long[] theirs, LongBinaryOperator op, int perLine) {
    if (mine == null || theirs == null) {
      return null;
    }
    long[] result = new long[mine.length];
    for (int i = 0; i < result.length; i++) {
      try {
        result[i] = op.applyAsLong(mine[i], theirs[i]);
      } catch (ArithmeticException e) {
        throw new ArithmeticException(
            info.name()
                + ", line "
                + (info.firstLine() + i / perLine)
                + ": the sum is beyond the largest count, "
                + Long.MAX_VALUE);
      }
    }
    return result;
  }
}
