package io.github.lineprof.internal.time;

/**
 * How far a line's share of time may be off because it was sampled: the half-width of a 95 %
 * interval, 1.96 * sqrt(p (1 - p) / n), in percentage points. Blocking events are measured, not
 * sampled, so they add none.
 */
public final class SamplePrecision {
  private static final double Z_95 = 1.96;
  private static final double RULE_OF_THREE = 3;

  private SamplePrecision() {}

  /** For a share {@code p} (0 to 1) estimated from {@code samples} samples. */
  public static double halfWidthPoints(double share, long samples) {
    if (samples <= 0) {
      return 0;
    }
    double p = Math.min(1, Math.max(0, share));
    return 100 * Z_95 * Math.sqrt(p * (1 - p) / samples);
  }

  /**
   * For a line charged {@code lineSamples} of its function's {@code samples}: {@link
   * #halfWidthPoints} of its share, or, when it got none, the rule of three ({@code 3 / n}, the 95
   * % upper bound of a share never seen in {@code n} samples), which the normal approximation would
   * call exact.
   */
  public static double lineHalfWidthPoints(long lineSamples, long samples) {
    if (samples <= 0) {
      return 0;
    }
    return lineSamples == 0
        ? Math.min(100, 100 * RULE_OF_THREE / samples)
        : halfWidthPoints((double) lineSamples / samples, samples);
  }
}
