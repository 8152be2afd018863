package io.github.lineprof.report;

import java.util.Locale;

/** Durations for people: about three significant digits in the unit that reads best. */
final class Durations {
  private Durations() {}

  /** E.g. "500 ns", "33.3 ns", "2.0 µs", "1.5 ms", "2.35 s". */
  static String readable(double nanos) {
    if (nanos < 999.95) {
      return (nanos == Math.rint(nanos) ? format("%.0f", nanos) : format("%.1f", nanos)) + " ns";
    }
    if (nanos < 999_950) {
      return format("%.1f", nanos / 1e3) + " µs";
    }
    if (nanos < 999_950_000) {
      return format("%.1f", nanos / 1e6) + " ms";
    }
    return format("%.2f", nanos / 1e9) + " s";
  }

  /** A unit of seconds as a column header names it: "ms" for 1e-3, otherwise e.g. "× 0.00025 s". */
  static String unitName(double seconds) {
    if (seconds == 1) {
      return "s";
    } else if (seconds == 1e-3) {
      return "ms";
    } else if (seconds == 1e-6) {
      return "µs";
    } else if (seconds == 1e-9) {
      return "ns";
    }
    return "× " + PyFormat.g(seconds, 0, 6) + " s";
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
