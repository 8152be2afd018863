package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.internal.swap.SwapLog;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.report.ProbeCost;
import io.github.lineprof.report.Reports;
import io.github.lineprof.report.RunNotes;
import io.github.lineprof.report.TextOptions;
import io.github.lineprof.report.TextReport;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.Repeats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one way every launcher (harness, agent, JMH profiler) turns what ran into reports: finish the
 * statistics, describe how they were made, print the text, write the files. Launchers differ only
 * in how they run the code and which settings they record.
 */
public final class RunPipeline {
  /** How many functions the note on unsampled ones names before it only counts the rest. */
  private static final int NAMED = 10;

  /** The "spread" setting of a run whose hits were timed one by one, and of one whose were not. */
  static final String SPREAD =
      "min, median, p99 and max per line from a histogram of each hit's time, a bucket"
          + " per power of 2 (within a factor of sqrt(2))";

  static final String NO_SPREAD = "none: only exact mode times each hit";

  private RunPipeline() {}

  /**
   * Sampled mode: the functions that ran but never while the sampler looked, whose zeros mean "less
   * than the sampler's interval in all", not "no time"; empty when every function that ran got a
   * sample.
   */
  static Optional<String> unsampled(ProfileStats stats) {
    List<String> names = new ArrayList<>();
    for (FunctionStats f : stats.functions()) {
      if (f.totalHits() > 0 && f.totalNanos() == 0) {
        names.add(f.info().name());
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    int shown = Math.min(names.size(), NAMED);
    return Optional.of(
        String.join(", ", names.subList(0, shown))
            + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "")
            + " ran but got"
            + " no sample: shorter in all than the sampler's interval, so its Time shows 0 for"
            + " a time too short to measure (its Hits are exact; exact mode times it)");
  }

  /**
   * The copy's statistics as reported when its probes also timed the lines (exact or sampled mode).
   * Exact-mode probes leave their own time out as they run; a line whose real time is below the
   * calibrated cost can then sum below zero, and shows zero. Sampled mode's times are the samples'
   * as taken: one cost per hit subtracted from every line would floor cheap lines to zero while the
   * JIT spreads the probes' real cost unevenly, so nothing is subtracted and the note says so.
   */
  public static Profile timedByCopy(ProfileStats raw, Map<String, String> launcherSettings) {
    ProfileStats stats = raw.calibrated(0);
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.put(
        "calibration",
        !Calibration.enabled()
            ? "off"
            : ProbeMode.current() == ProbeMode.EXACT
                ? String.format(
                    Locale.ROOT,
                    "%.1f ns per line event and %.1f ns per call left out",
                    Calibration.eventNanos(),
                    Calibration.callNanos())
                : "none in sampled mode, the times include the probes' ("
                    + ProbeCost.perEventText(Calibration.eventNanos())
                    + ")");
    if (ProbeMode.current() == ProbeMode.SAMPLED) {
      settings.put("samples", String.valueOf(ProbeRegistry.samples()));
      unsampled(stats).ifPresent(note -> settings.put("unsampled", note));
    }
    settings.put(
        "spread",
        ProbeMode.spread()
            ? SPREAD
            : ProbeMode.current() == ProbeMode.EXACT ? "off (spread=false)" : NO_SPREAD);
    settings.put("heap", ProbeRegistry.heap());
    settings.putAll(SwapLog.settings());
    double probeNanos = ProbeCost.perEvent(Calibration.eventNanos());
    RunInfo run =
        RunInfo.current(ProbeMode.current().label(), settings)
            .withSources(
                "instrumented copy",
                "the instrumented copy's " + ProbeMode.current().label() + " probes")
            .withUnreliableLines(ProbeCost.unreliableLines(stats, probeNanos))
            .withProbeNanos(probeNanos);
    return new Profile(stats, List.of(run));
  }

  /**
   * The copy's hits with the original's times, both of {@code counted} invocations: the original's
   * recorded time is scaled from the invocations it ran to those the hits count.
   */
  public static Profile timedByOriginal(
      ProfileStats hits, OriginalRun original, long counted, Map<String, String> launcherSettings) {
    return timedByOriginal(hits, List.of(original), counted, launcherSettings);
  }

  /**
   * The same with several independent recordings of the original: Time is their mean, and each
   * recording's times are kept apart for a statistical comparison ({@link Repeats#mean}).
   */
  public static Profile timedByOriginal(
      ProfileStats hits,
      List<OriginalRun> originals,
      long counted,
      Map<String, String> launcherSettings) {
    OriginalRun original = originals.get(0);
    long samples = originals.stream().mapToLong(OriginalRun::samples).sum();
    long blocking = originals.stream().mapToLong(OriginalRun::blockingEvents).sum();
    long invocations = originals.stream().mapToLong(OriginalRun::invocations).sum();
    long allocationSamples = originals.stream().mapToLong(OriginalRun::allocationSamples).sum();
    String recordings =
        originals.size() == 1
            ? ""
            : String.format(
                Locale.ROOT,
                "; the mean of %d independent recordings, each kept in the JSON report",
                originals.size());
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.putAll(SwapLog.settings());
    settings.put("spread", NO_SPREAD);
    String time =
        String.format(
                Locale.ROOT,
                "JFR events of the original, %s (period %d ms) and %s over %s, scaled to %d; the"
                    + " precision of each line under its table",
                count(samples, "sample"),
                original.period().toMillis(),
                count(blocking, "blocking event"),
                count(invocations, "invocation"),
                counted)
            + recordings
            + unexplainedNote(originals)
            + stopNotes(originals)
            + (original.exactLines()
                ? ""
                : "; lines only at safepoints, so cheap lines may show no time: add "
                    + NonSafepointDebugInfo.JVM_OPTIONS
                    + " to the JVM");
    String allocations =
        String.format(
            Locale.ROOT,
            "JFR allocation samples of the original, %s over %s, scaled to %d",
            count(allocationSamples, "sample"),
            count(invocations, "invocation"),
            counted);
    RunInfo run =
        RunInfo.current("original", settings)
            .withSources("instrumented copy, " + count(counted, "invocation"), time)
            .withAllocationSource(allocations);
    ProfileStats times =
        Repeats.mean(
            originals.stream().map(o -> o.timesFor(hits, counted)).toList(),
            OriginalRun.controls(originals));
    return new Profile(times, List.of(run));
  }

  /** What ended each recording, as the recorder said; a note said by several runs once. */
  /** How much of the recorded time no event or sample saw, when any: estimated, not measured. */
  private static String unexplainedNote(List<OriginalRun> originals) {
    double share = originals.stream().mapToDouble(OriginalRun::unsampledShare).average().orElse(0);
    return share < 0.0005
        ? ""
        : String.format(
            Locale.ROOT,
            "; %.1f %% of the recorded time seen by no event or sample, charged to the event"
                + " after it",
            100 * share);
  }

  /** What ended each recording; numbered when there are several, as the JSON report's runs are. */
  private static String stopNotes(List<OriginalRun> originals) {
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < originals.size(); i++) {
      String stop = originals.get(i).stop();
      if (!stop.isEmpty()) {
        notes.append("; ").append(originals.size() == 1 ? "" : "recording " + (i + 1) + ": ");
        notes.append(stop);
      }
    }
    return notes.toString();
  }

  /**
   * The profile, with a note when every line that ran shows no time at the output unit (the text
   * report shows one decimal of it): a scenario too short for its lines' times to reach the unit,
   * which the table alone would show as zeros without a word.
   */
  static Profile withTooShortNote(Profile profile, ProfileOptions options) {
    double shown = 0.05 * options.unit() / 1e-9; // nanoseconds the Time column shows as 0.0
    long hits = 0;
    for (FunctionStats f : profile.stats().functions()) {
      for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
        if (f.nanos(line) >= shown) {
          return profile;
        }
        hits += f.hits(line);
      }
    }
    if (hits == 0) {
      return profile;
    }
    List<RunInfo> runs = new ArrayList<>();
    for (RunInfo run : profile.runs()) {
      List<String> notes = new ArrayList<>(run.sources().unreliableLines());
      notes.add(
          String.format(
              Locale.ROOT,
              "every line shows 0: the scenario is too short for a line's time to reach the"
                  + " unit (%s s); measure=N sums the time of N invocations",
              options.unit()));
      runs.add(run.withUnreliableLines(notes));
    }
    return new Profile(profile.stats(), runs);
  }

  /** The line_profiler tables, and under them how the numbers were made. */
  public static String text(Profile profile, ProfileOptions options) {
    return TextReport.format(profile.stats(), textOptions(options)) + RunNotes.text(profile.runs());
  }

  /** Writes the report files the options ask for, each atomically. */
  public static void write(Profile profile, ProfileOptions options) throws IOException {
    Reports.write(
        options.output(),
        profile.stats(),
        profile.runs(),
        textOptions(options),
        ReportFormats.of(options.formats()));
  }

  static TextOptions textOptions(ProfileOptions options) {
    return TextOptions.defaults()
        .withOutputUnit(options.unit())
        .withStripZeros(OptionTable.SKIP_ZERO.in(options));
  }

  /** {@code 1 sample}, {@code 2 samples}: the notes are read as sentences. */
  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
