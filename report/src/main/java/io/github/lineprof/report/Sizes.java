package io.github.lineprof.report;

import java.util.Locale;

/** Byte counts for people: about three significant digits in binary units. */
final class Sizes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Sizes() {}

  /** E.g. "0 B", "216 B", "1.5 KiB", "1.91 MiB", "12.3 GiB". */
  static String readable(double bytes) {
    if (bytes < 1023.5) {
      return String.format(Locale.ROOT, bytes == Math.rint(bytes) ? "%.0f B" : "%.1f B", bytes);
    }
    double value = bytes;
    int unit = -1;
    do {
      value /= 1024;
      unit++;
    } while (value >= 1023.5 && unit < UNITS.length - 1);
    String pattern = value < 9.995 ? "%.2f %s" : value < 99.95 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
  }
}
