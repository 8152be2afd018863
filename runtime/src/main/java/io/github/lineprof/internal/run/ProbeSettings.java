package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options the probes read once per JVM, as system properties, so that a probe class needs
 * nothing but the JDK: the one place a launcher that starts the probes' JVM (the agent, the
 * harness) turns a run's options into them: a probe option is read here.
 */
public final class ProbeSettings {
  private ProbeSettings() {}

  /**
   * The probes a run's mode needs. Original mode only needs the copy's hits: sampled probes count
   * them at the least cost, and their times are not reported.
   */
  static ProbeMode probes(ProfileOptions.Mode mode) {
    return mode == ProfileOptions.Mode.EXACT ? ProbeMode.EXACT : ProbeMode.SAMPLED;
  }

  /** The properties for a run of {@code options} whose Time comes from {@code mode}. */
  public static Map<String, String> of(ProfileOptions options, ProfileOptions.Mode mode) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(ProbeMode.PROPERTY, probes(mode).label());
    properties.put(Calibration.PROPERTY, Boolean.toString(options.calibration()));
    properties.put(ProbeMode.SPREAD_PROPERTY, Boolean.toString(options.spread()));
    return properties;
  }

  /** Sets them in this JVM, before any probe class loads. */
  public static void apply(ProfileOptions options, ProfileOptions.Mode mode) {
    of(options, mode).forEach(System::setProperty);
  }
}
