package io.github.lineprof.harness;

import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.stats.ProfileStats;
import io.github.lineprof.stats.RunInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every launcher (harness, agent, JMH profiler) does with a run's raw statistics: subtract the
 * probes' own cost, and describe the run so its report says how its numbers were made.
 */
public final class Runs {
  /** {@code -Dlineprof.calibration=false} reports the raw times. */
  public static final String CALIBRATION = "lineprof.calibration";

  private Runs() {}

  public static boolean calibrating() {
    return !"false".equalsIgnoreCase(System.getProperty(CALIBRATION, "true"));
  }

  /** The statistics to report: calibrated unless calibration is off. */
  public static ProfileStats finish(ProfileStats raw) {
    return calibrating() ? raw.calibrated(Calibration.nanosPerEvent()) : raw;
  }

  /** The run's description: the launcher's settings, plus mode, calibration and samples. */
  public static RunInfo describe(Map<String, String> launcherSettings) {
    Map<String, String> settings = new LinkedHashMap<>(launcherSettings);
    settings.put("calibration", calibrating()
        ? String.format(Locale.ROOT, "%.1f ns per line event subtracted", Calibration.nanosPerEvent())
        : "off");
    if (ProbeMode.current() == ProbeMode.SAMPLED) {
      settings.put("samples", String.valueOf(ProbeRegistry.samples()));
    }
    return RunInfo.current(ProbeMode.current().label(), settings);
  }
}
