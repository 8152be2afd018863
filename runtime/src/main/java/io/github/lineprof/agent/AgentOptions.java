package io.github.lineprof.agent;

import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.internal.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The options of {@code -javaagent:lineprof-runtime.jar=key=value,...}.
 *
 * @param output where the reports go (default {@code target/lineprof})
 * @param outputUnit the Time column's unit in seconds, null for nanoseconds
 * @param formats which reports to write when the JVM exits; empty to write none (JMH forks)
 * @param mode exact or sampled; null leaves {@code -Dlineprof.mode} (default exact) as it is
 * @param calibration whether to subtract the probes' own cost; null leaves
 *     {@code -Dlineprof.calibration} (default true) as it is
 */
record AgentOptions(Path output, Double outputUnit, Set<ReportFormat> formats, ProbeMode mode, Boolean calibration) {
  static final String USAGE = "options are output=DIR, unit=1e-9|1e-6|1e-3|1, formats=txt+json+html+md|none,"
      + " mode=exact|sampled, calibration=true|false";

  static AgentOptions parse(String args) {
    Path output = Path.of("target", "lineprof");
    Double unit = null;
    Set<ReportFormat> formats = EnumSet.allOf(ReportFormat.class);
    ProbeMode mode = null;
    Boolean calibration = null;
    if (args != null && !args.isBlank()) {
      for (String option : args.split(",")) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + option + "' is not key=value; " + USAGE);
        }
        String key = option.substring(0, eq).trim();
        String value = option.substring(eq + 1).trim();
        switch (key) {
          case "output" -> output = Path.of(value);
          case "unit" -> unit = unit(value);
          case "formats" -> formats = formats(value);
          case "mode" -> mode = ProbeMode.parse(value);
          case "calibration" -> calibration = bool(key, value);
          default -> throw new IllegalArgumentException("unknown option '" + key + "'; " + USAGE);
        }
      }
    }
    return new AgentOptions(output, unit, formats, mode, calibration);
  }

  private static boolean bool(String key, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " must be true or false: '" + value + "'");
  }

  private static Double unit(String value) {
    try {
      double unit = Double.parseDouble(value);
      if (unit > 0) {
        return unit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("unit must be a positive number of seconds, e.g. 1e-6: '" + value + "'");
  }

  private static Set<ReportFormat> formats(String value) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    if (value.equals("none")) {
      return formats;
    }
    for (String name : value.split("\\+")) {
      try {
        formats.add(ReportFormat.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown format '" + name + "'; " + USAGE);
      }
    }
    return formats;
  }
}
