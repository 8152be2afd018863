package io.github.lineprof.internal.run;

import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every launcher (harness, agent, JMH profiler) does with a run's raw statistics: subtract the
 * probes' own cost, and describe the run so its report says how its numbers were made.
 */
public final class Runs {
  private Runs() {}

  /**
   * The statistics to report. Exact-mode probes leave their own time out as they run; a line whose
   * real time is below the calibrated cost can then sum below zero, and shows zero. In sampled mode
   * the probes' cost is subtracted here, per hit, unless calibration is off.
   */
  public static ProfileStats finish(ProfileStats raw) {
    boolean subtract = ProbeMode.current() == ProbeMode.SAMPLED && Calibration.enabled();
    return raw.calibrated(subtract ? Calibration.eventNanos() : 0);
  }

  /** The run's description: the launcher's settings, plus mode, calibration and samples. */
  public static RunInfo describe(Map<String, String> launcherSettings) {
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.put("calibration", !Calibration.enabled() ? "off"
        : ProbeMode.current() == ProbeMode.EXACT
        ? String.format(Locale.ROOT, "%.1f ns per line event and %.1f ns per call left out",
            Calibration.eventNanos(), Calibration.callNanos())
        : String.format(Locale.ROOT, "%.1f ns per line event subtracted", Calibration.eventNanos()));
    if (ProbeMode.current() == ProbeMode.SAMPLED) {
      settings.put("samples", String.valueOf(ProbeRegistry.samples()));
    }
    return RunInfo.current(ProbeMode.current().label(), settings);
  }
}
