package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.SamplePrecision;
import io.github.lineprof.report.stats.SamplePrecision.Widest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LineTimeAnalysis} found: every profiled function's time per line, and the totals of
 * the filtered threads that say how much of their time the functions account for.
 *
 * <p>A sample weighs its sampler's period unless the analysis was given {@link SampleWeights}.
 * HotSpot's sampler sleeps a period between rounds and waits for a core to run on, so it takes
 * fewer samples than the period promises (measured at 1 ms on 2 cores: 730 to 870 a second when
 * idle, 130 to 500 at a load of 15), which undercounts running code against the measured blocking
 * events; the weights read from the threads' timelines fix that.
 */
public final class LineTimes {
  /**
   * Counts per {@link TimeEvent}, by ordinal; blocking events also carry their nanoseconds, samples
   * their weights (see {@link FunctionTally}). The allocation samples charged are of the filtered
   * threads.
   */
  record Counts(
      long[] events,
      long[] eventsInFunctions,
      long[] blockedNanos,
      long[] blockedNanosInFunctions,
      long truncatedStacks,
      long allocationSamples) {}

  private final Map<FunctionInfo, FunctionTimes> functions;
  private final Counts counts;
  private final long executionPeriodNanos;
  private final long nativePeriodNanos;
  private final SampleWeights weights;

  /**
   * The analysis's result: with {@code weights} null, a sample weighs one period of its sampler;
   * else what {@code weights} said, in nanoseconds.
   */
  LineTimes(
      List<FunctionTally> tallies,
      Counts counts,
      long executionPeriodNanos,
      long nativePeriodNanos,
      SampleWeights weights) {
    this.counts = counts;
    this.executionPeriodNanos = executionPeriodNanos;
    this.nativePeriodNanos = nativePeriodNanos;
    this.weights = weights;
    this.functions = new LinkedHashMap<>();
    for (FunctionTally tally : tallies) {
      functions.put(
          tally.function,
          new FunctionTimes(
              tally,
              unitNanos(TimeEvent.EXECUTION_SAMPLE),
              unitNanos(TimeEvent.NATIVE_METHOD_SAMPLE)));
    }
  }

  /** The profiled functions, in the order given to the analysis. */
  public List<FunctionTimes> functions() {
    return new ArrayList<>(functions.values());
  }

  public FunctionTimes of(FunctionInfo function) {
    FunctionTimes times = functions.get(function);
    if (times == null) {
      throw new IllegalArgumentException(function.name() + " was not analysed");
    }
    return times;
  }

  EventTotals totals(TimeEvent event) {
    int i = event.ordinal();
    return new EventTotals(
        event,
        counts.events()[i],
        counts.eventsInFunctions()[i],
        weigh(event, counts.blockedNanos()[i]),
        weigh(event, counts.blockedNanosInFunctions()[i]));
  }

  /** Events of the filtered threads in the window. */
  public long events() {
    return sum(counts.events(), false);
  }

  /** Events with a frame of a profiled function on their stack. */
  long eventsInFunctions() {
    return sum(counts.eventsInFunctions(), false);
  }

  /** Samples (execution and native) of the filtered threads in the window. */
  public long samples() {
    return sum(counts.events(), true);
  }

  /** Samples with a frame of a profiled function on their stack. */
  long samplesInFunctions() {
    return sum(counts.eventsInFunctions(), true);
  }

  /** Allocation samples of the filtered threads in the window (each thread's earliest left out). */
  public long allocationSamples() {
    return counts.allocationSamples();
  }

  /** Events whose stack JFR cut at its stack depth: a profiled frame below the cut is missed. */
  long truncatedStacks() {
    return counts.truncatedStacks();
  }

  /**
   * The time of all events of the filtered threads in the window, in or out of profiled functions.
   */
  long threadNanos() {
    long nanos = 0;
    for (TimeEvent event : TimeEvent.values()) {
      nanos += totals(event).nanos();
    }
    return nanos;
  }

  /** The period a sampler ran at, as the recording says; zero when it has none of its samples. */
  public Duration period(TimeEvent sampledEvent) {
    return switch (sampledEvent) {
      case EXECUTION_SAMPLE -> Duration.ofNanos(executionPeriodNanos);
      case NATIVE_METHOD_SAMPLE -> Duration.ofNanos(nativePeriodNanos);
      default -> throw new IllegalArgumentException(sampledEvent + " is not sampled");
    };
  }

  /**
   * The part of the measured threads' time no event or sample saw, charged to the events around it
   * (see {@link SampleWeights}); 0 when the samples weigh their period.
   */
  public double unsampledShare() {
    return weights == null ? 0 : weights.unsampledShare();
  }

  /** The nanoseconds one unit of a sample's weight stands for. */
  private double unitNanos(TimeEvent sampled) {
    long period = sampled == TimeEvent.EXECUTION_SAMPLE ? executionPeriodNanos : nativePeriodNanos;
    return weights == null ? period : 1;
  }

  private long weigh(TimeEvent event, long nanos) {
    return event.sampled() ? Math.round(nanos * unitNanos(event)) : nanos;
  }

  private static long sum(long[] byEvent, boolean sampledOnly) {
    long sum = 0;
    for (TimeEvent event : TimeEvent.values()) {
      if (event.sampled() || !sampledOnly) {
        sum += byEvent[event.ordinal()];
      }
    }
    return sum;
  }

  /**
   * The line of every function that ran whose share is known least precisely, to decide when a
   * recording may stop. A line's share is estimated as (k + 2) / (n + 4) from n + 4 samples
   * (Agresti and Coull's), so that a line in none or all of a few samples is not taken as known
   * exactly; with more than a few hundred samples this is the plain estimate. {@link
   * Widest#UNKNOWN} until some function has time.
   */
  public Widest widest() {
    return widest(1);
  }

  /**
   * {@link #widest()} of a live recording, whose samples are charged one period each while the
   * final analysis weighs each by its stretch of the timeline, which on a busy machine or beside
   * unseen native time is longer. How much longer is estimated from the function with the most time
   * (the scenario's outermost): its invocations' wall time, {@code recordedNanos} as the scenario's
   * thread measured it, less its duration events, over its samples' periods; at least 1.
   */
  public Widest widestLive(long recordedNanos) {
    FunctionTimes outermost = null;
    for (FunctionTimes function : functions()) {
      if (outermost == null || function.totalNanos() > outermost.totalNanos()) {
        outermost = function;
      }
    }
    if (outermost == null || outermost.sampledNanos() == 0) {
      return widest(1);
    }
    long events = outermost.totalNanos() - outermost.sampledNanos();
    return widest(Math.max(1, (double) (recordedNanos - events) / outermost.sampledNanos()));
  }

  /** {@link #widest()} with each sample weighing {@code sampleScale} times what it was charged. */
  @SuppressWarnings("ReferenceEquality") // UNKNOWN is a sentinel, whose points no line beats
  private Widest widest(double sampleScale) {
    Widest widest = Widest.UNKNOWN;
    for (FunctionTimes function : functions()) {
      long total = function.totalNanos();
      if (total == 0) {
        continue; // not reached yet
      }
      FunctionInfo info = function.function();
      long[] lineSamples = new long[info.lines().size()];
      for (int i = 0; i < lineSamples.length; i++) {
        lineSamples[i] = function.samples(info.firstLine() + i);
      }
      double sampled = function.sampledNanos() * sampleScale;
      Widest its =
          SamplePrecision.widest(
              info.name(),
              info.firstLine(),
              lineSamples,
              function.samples(),
              sampled / (total - function.sampledNanos() + sampled));
      if (widest == Widest.UNKNOWN || its.points() > widest.points()) {
        widest = its;
      }
    }
    return widest;
  }
}
