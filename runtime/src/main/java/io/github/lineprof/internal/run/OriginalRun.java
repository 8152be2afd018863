package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.Scenario;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.internal.time.FunctionTimes;
import io.github.lineprof.internal.time.JfrTimeRecorder;
import io.github.lineprof.internal.time.LineTimeAnalysis;
import io.github.lineprof.internal.time.LineTimes;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.internal.time.SampleWeights;
import io.github.lineprof.internal.time.TimeFilter;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.SamplePrecision.Widest;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * The harness's run of the untouched original under the flight recorder, for the Time column: the
 * scenario runs at full speed, as often as it takes to collect about {@code samples} samples (or
 * until {@code maxTime}), and each sample is charged to the line of every profiled frame on its
 * stack, weighed by the scenario thread's own timeline ({@link SampleWeights}). The same
 * recording's allocation samples give each line the bytes it allocated, callees included.
 *
 * @param lines per function, per line: nanoseconds, the samples they were estimated from, and bytes
 *     allocated, over all the recorded invocations
 * @param invocations how many invocations were recorded
 * @param wallNanos the wall-clock time they took
 * @param samples the samples of the scenario's thread, running or in native code
 * @param blockingEvents its sleeps, parks and monitor waits, each with its duration
 * @param allocationSamples its allocation samples
 * @param period the time between two samples
 * @param exactLines whether the JVM kept line numbers between safepoints (DebugNonSafepoints)
 * @param unsampledShare the part of the scenario thread's recorded time that no event and no sample
 *     saw, charged to the event after it (see {@link SampleWeights}); 0 when not measured
 * @param stop what ended the recording, in the report's words; empty when the recorder did not
 *     decide (a JMH fork or a test run ends it)
 * @param controlNanos the {@link SpeedControl}'s mean nanoseconds per round, its rounds timed in
 *     the recording's JVM while it recorded; 0 when not timed
 */
public record OriginalRun(
    ProfileStats lines,
    long invocations,
    long wallNanos,
    long samples,
    long blockingEvents,
    long allocationSamples,
    Duration period,
    boolean exactLines,
    double unsampledShare,
    String stop,
    long controlNanos)
    implements Serializable {

  /** A run whose end the recorder did not decide. */
  public OriginalRun(
      ProfileStats lines,
      long invocations,
      long wallNanos,
      long samples,
      long blockingEvents,
      long allocationSamples,
      Duration period,
      boolean exactLines) {
    this(
        lines,
        invocations,
        wallNanos,
        samples,
        blockingEvents,
        allocationSamples,
        period,
        exactLines,
        0,
        "",
        0);
  }

  /** This run, saying what ended it. */
  OriginalRun withStop(String stop) {
    return with(stop, controlNanos);
  }

  /** This run, with the speed control's mean time while it recorded. */
  public OriginalRun withControl(long controlNanos) {
    return with(stop, controlNanos);
  }

  private OriginalRun with(String stop, long controlNanos) {
    return new OriginalRun(
        lines,
        invocations,
        wallNanos,
        samples,
        blockingEvents,
        allocationSamples,
        period,
        exactLines,
        unsampledShare,
        stop,
        controlNanos);
  }

  /** Each run's speed control, in order; null unless every run timed it. */
  public static long[] controls(List<OriginalRun> runs) {
    long[] controls = runs.stream().mapToLong(OriginalRun::controlNanos).toArray();
    return Arrays.stream(controls).allMatch(t -> t > 0) ? controls : null;
  }

  @SuppressWarnings("UnusedVariable") // written, never read: the JIT cannot drop the result
  private static volatile Object sink;

  /**
   * The copy's hits with this run's times and bytes, scaled to the {@code counted} invocations the
   * hits are of, and the samples behind the times (not scaled: they say how sure the times are).
   * Functions the original never reached keep zero time and bytes.
   */
  ProfileStats timesFor(ProfileStats hits, long counted) {
    double scale = counted / (double) invocations;
    Map<FunctionInfo.Key, FunctionStats> byKey = new HashMap<>();
    lines.functions().forEach(f -> byKey.put(f.info().key(), f));
    List<FunctionStats> merged = new ArrayList<>();
    for (FunctionStats f : hits.functions()) {
      FunctionInfo info = f.info();
      FunctionStats original = byKey.get(info.key());
      int n = info.lines().size();
      long[] h = new long[n];
      long[] t = new long[n];
      long[] b = new long[n];
      long[] s = new long[n];
      for (int i = 0; i < n; i++) {
        int line = info.firstLine() + i;
        h[i] = f.hits(line);
        if (original != null) {
          t[i] = Math.round(original.nanos(line) * scale);
          b[i] = Math.round(original.bytes(line) * scale);
          s[i] = original.samples(line);
        }
      }
      merged.add(new FunctionStats(info, h, t).withBytes(b).withSamples(s));
    }
    return new ProfileStats(merged);
  }

  /**
   * The run a recording describes, once analysed and calibrated: {@code invocations} of the
   * original took {@code wallNanos}, and {@code times} holds their lines' time and bytes.
   */
  public static OriginalRun of(
      LineTimes times,
      List<FunctionInfo> functions,
      long invocations,
      long wallNanos,
      Duration period,
      boolean exactLines) {
    List<FunctionStats> lines = new ArrayList<>();
    for (FunctionInfo function : functions) {
      FunctionTimes f = times.of(function);
      int n = function.lines().size();
      long[] lineNanos = new long[n];
      long[] lineBytes = new long[n];
      long[] lineSamples = new long[n];
      for (int i = 0; i < n; i++) {
        int line = function.firstLine() + i;
        lineNanos[i] = f.nanos(line);
        lineBytes[i] = f.bytes(line);
        lineSamples[i] = f.samples(line);
      }
      lines.add(
          new FunctionStats(function, new long[n], lineNanos)
              .withBytes(lineBytes)
              .withSamples(lineSamples));
    }
    return new OriginalRun(
        new ProfileStats(lines),
        invocations,
        wallNanos,
        times.samples(),
        times.events() - times.samples(),
        times.allocationSamples(),
        period,
        exactLines,
        times.unsampledShare(),
        "",
        0);
  }

  /**
   * Records the original in this JVM, the scenario re-created from {@code loader}'s classes; {@code
   * functions} are the ones whose lines get time.
   */
  public static OriginalRun record(
      byte[] scenario, ClassLoader loader, List<FunctionInfo> functions, ProfileOptions options)
      throws Exception {
    Scenario original = ScenarioBytes.in(scenario, loader);
    Path file = Files.createTempFile("lineprof-original", ".jfr");
    try (ExitHook cleanup = ExitHook.deleting("lineprof-recording-cleanup", file);
        ScenarioInlining apart = ScenarioInlining.keepApart(original)) {
      long warmedUp = System.nanoTime() + OptionTable.WARMUP_TIME.in(options).toNanos();
      for (int i = 0; i < options.warmup() || System.nanoTime() < warmedUp; i++) {
        sink = original.run();
      }
      SpeedControl control = SpeedControl.warmedUp();
      StopRule rule = StopRule.of(options);
      Watch watch = new Watch(rule, functions);
      long thread = Thread.currentThread().getId();
      long invocations = 0;
      long nanos = 0;
      long elapsed;
      Instant from;
      Instant to;
      try (JfrTimeRecorder recorder =
          JfrTimeRecorder.streaming(
              options.period(), JfrTimeRecorder.DEFAULT_STACK_DEPTH, watch::accept, watch::check)) {
        from = Instant.now();
        long start = System.nanoTime();
        do {
          long before = System.nanoTime();
          sink = original.run();
          nanos += System.nanoTime() - before;
          control.keepUpWith(nanos);
          watch.recorded(nanos);
          invocations++;
          elapsed = System.nanoTime() - start;
        } while (watch.reason() == null && elapsed < rule.maxNanos());
        to = Instant.now();
        recorder.stop(file);
      }
      // The scenario thread's timeline says what its samples weigh; every thread's events count,
      // so threads the scenario starts count too, their samples at the mean weight.
      LineTimes times =
          LineTimeAnalysis.analyzeWeighed(
              file,
              functions,
              TimeFilter.everything().between(from, to),
              TimeFilter.thread(thread).between(from, to));
      // the watch's estimate when it decided, else the whole recording's
      StopRule.Reason reason = watch.reason();
      String stop =
          reason != null
              ? rule.note(reason, elapsed, watch.widest())
              : rule.note(StopRule.Reason.MAX_TIME, elapsed, times.widest());
      return of(
              times, functions, invocations, nanos, options.period(), NonSafepointDebugInfo.isOn())
          .withStop(stop)
          .withControl(control.nanosPerRound());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Watches the recording as JFR streams it, on JFR's thread: charges each event to its lines as
   * the analysis does, and after each flush (about once a second) decides whether the lines are
   * known well enough. The scenario's thread only reads a volatile flag between invocations.
   */
  private static final class Watch {
    private final StopRule rule;
    private final LineTimeAnalysis analysis;
    private volatile StopRule.Reason reason;
    private volatile Widest widest = Widest.UNKNOWN;
    private volatile long recordedNanos;

    Watch(StopRule rule, List<FunctionInfo> functions) {
      this.rule = rule;
      this.analysis = LineTimeAnalysis.live(functions);
    }

    void accept(RecordedEvent event) {
      analysis.accept(event);
    }

    void check() {
      LineTimes sofar;
      try {
        sofar = analysis.sofar();
      } catch (IllegalArgumentException e) {
        return; // samples streamed before the setting that gives their period: wait for it
      }
      if (reason != null) {
        return;
      }
      Widest now = sofar.widestLive(recordedNanos);
      widest = now;
      // maxTime is the scenario thread's to watch: it may pass between two flushes
      reason = rule.decide(now, sofar.samples(), 0);
    }

    /** The scenario's invocations so far took {@code nanos}, as its own thread measured them. */
    void recorded(long nanos) {
      recordedNanos = nanos;
    }

    /** What ended the recording, or null while it goes on. */
    StopRule.Reason reason() {
      return reason;
    }

    Widest widest() {
      return widest;
    }
  }
}
