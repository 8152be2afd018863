package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.report.Reports;
import io.github.lineprof.internal.report.RunNotes;
import io.github.lineprof.internal.report.TextOptions;
import io.github.lineprof.internal.report.TextReport;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import io.github.lineprof.internal.swap.SwapLog;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.probe.ProbeRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way every launcher (harness, agent, JMH profiler) turns what ran into reports: finish the
 * statistics, describe how they were made, print the text, write the files. Launchers differ only
 * in how they run the code and which settings they record.
 */
public final class RunPipeline {
  private RunPipeline() {}

  /**
   * The copy's statistics as reported when its probes also timed the lines (exact or sampled mode).
   * Exact-mode probes leave their own time out as they run; a line whose real time is below the
   * calibrated cost can then sum below zero, and shows zero. In sampled mode the probes' cost is
   * subtracted here, per hit, unless calibration is off.
   */
  public static Profile timedByCopy(ProfileStats raw, Map<String, String> launcherSettings) {
    boolean subtract = ProbeMode.current() == ProbeMode.SAMPLED && Calibration.enabled();
    ProfileStats stats = raw.calibrated(subtract ? Calibration.eventNanos() : 0);
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.put("calibration", !Calibration.enabled() ? "off"
        : ProbeMode.current() == ProbeMode.EXACT
        ? String.format(Locale.ROOT, "%.1f ns per line event and %.1f ns per call left out",
            Calibration.eventNanos(), Calibration.callNanos())
        : String.format(Locale.ROOT, "%.1f ns per line event subtracted", Calibration.eventNanos()));
    if (ProbeMode.current() == ProbeMode.SAMPLED) {
      settings.put("samples", String.valueOf(ProbeRegistry.samples()));
    }
    settings.put("heap", ProbeRegistry.heap());
    settings.putAll(SwapLog.settings());
    return new Profile(stats, List.of(RunInfo.current(ProbeMode.current().label(), settings)));
  }

  /**
   * The copy's hits with the original's times, both of {@code counted} invocations: the original's
   * recorded time is scaled from the invocations it ran to those the hits count.
   */
  public static Profile timedByOriginal(ProfileStats hits, OriginalRun original, long counted,
      Map<String, String> launcherSettings) {
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.putAll(SwapLog.settings());
    settings.put("hits", "instrumented copy, " + counted + " invocation" + (counted == 1 ? "" : "s"));
    settings.put("time", String.format(Locale.ROOT,
        "JFR events of the original, %d samples (period %d ms) and %d blocking events over %d invocations,"
            + " scaled to %d; +-%.1f points at 95%%", original.samples(), original.period().toMillis(),
        original.blockingEvents(), original.invocations(),
        counted, original.precision())
        + (original.exactLines() ? "" : "; lines only at safepoints, so cheap lines may show no time: add "
            + NonSafepointDebugInfo.JVM_OPTIONS + " to the JVM"));
    return new Profile(original.timesFor(hits, counted), List.of(RunInfo.current("original", settings)));
  }

  /** The line_profiler tables, and under them how the numbers were made. */
  public static String text(Profile profile, ProfileOptions options) {
    return TextReport.format(profile.stats(), textOptions(options)) + RunNotes.text(profile.runs());
  }

  /** Writes the report files the options ask for, each atomically. */
  public static void write(Profile profile, ProfileOptions options) throws IOException {
    Reports.write(options.output(), profile.stats(), profile.runs(), textOptions(options), options.formats());
  }

  public static TextOptions textOptions(ProfileOptions options) {
    return TextOptions.defaults().withOutputUnit(options.unit());
  }
}
