package io.github.lineprof.report;

/**
 * The seconds per unit of the Time and Per Hit columns (line_profiler's {@code output_unit}): the
 * one check of a unit, whether it comes from a run's options, a report's text options or the CLI's
 * {@code --unit}.
 */
public final class OutputUnit {
  private OutputUnit() {}

  /**
   * {@code seconds}, if it can be a unit.
   *
   * @param name how the user gave it, for the message: {@code unit}, {@code --unit}
   * @throws IllegalArgumentException in one line, naming {@code name}, unless positive and finite
   */
  public static double check(String name, double seconds) {
    if (!(seconds > 0 && Double.isFinite(seconds))) {
      throw new IllegalArgumentException(
          name + " must be a positive number of seconds, e.g. 1e-6: " + seconds);
    }
    return seconds;
  }
}
