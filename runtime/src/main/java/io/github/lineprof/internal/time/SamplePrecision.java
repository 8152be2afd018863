package io.github.lineprof.internal.time;

import io.github.lineprof.internal.stats.FunctionInfo;

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
   * #halfWidthPoints} of its share, or, when it got none or all, the rule of three ({@code 3 / n},
   * the 95 % upper bound of a share never seen in {@code n} samples), which the normal
   * approximation would call exact.
   */
  public static double lineHalfWidthPoints(long lineSamples, long samples) {
    if (samples <= 0) {
      return 0;
    }
    // none or all of the samples: the normal formula would claim +-0, the rule of three does not
    return lineSamples == 0 || lineSamples >= samples
        ? Math.min(100, 100 * RULE_OF_THREE / samples)
        : halfWidthPoints((double) lineSamples / samples, samples);
  }

  /**
   * A line whose share is the least precisely known.
   *
   * @param function the function's name
   * @param line its source line
   * @param points the 95 % half-width of its share, in percentage points of the function's time
   */
  public record Widest(String function, int line, double points) {
    /** Nothing sampled yet: nothing known. */
    public static final Widest UNKNOWN = new Widest("", 0, Double.POSITIVE_INFINITY);
  }

  /**
   * The line of every function that ran whose share is known least precisely, to decide when a
   * recording may stop. A line's share is estimated as (k + 2) / (n + 4) from n + 4 samples
   * (Agresti and Coull's), so that a line in none or all of a few samples is not taken as known
   * exactly; with more than a few hundred samples this is the plain estimate. {@link
   * Widest#UNKNOWN} until some function has time.
   */
  @SuppressWarnings("ReferenceEquality") // UNKNOWN is a sentinel, whose points no line beats
  public static Widest widest(LineTimes times) {
    Widest widest = Widest.UNKNOWN;
    for (FunctionTimes function : times.functions()) {
      long total = function.totalNanos();
      if (total == 0) {
        continue; // not reached yet
      }
      FunctionInfo info = function.function();
      long[] lineSamples = new long[info.lines().size()];
      for (int i = 0; i < lineSamples.length; i++) {
        lineSamples[i] = function.samples(info.firstLine() + i);
      }
      Widest its =
          widest(
              info.name(),
              info.firstLine(),
              lineSamples,
              function.samples(),
              (double) function.sampledNanos() / total);
      if (widest == Widest.UNKNOWN || its.points() > widest.points()) {
        widest = its;
      }
    }
    return widest;
  }

  /**
   * The same for one function's counts: {@code lineSamples[i]} samples on line {@code firstLine +
   * i} of {@code samples} with the function on the stack, and {@code sampledPart} (0 to 1) of its
   * time sampled rather than measured; with no samples its time is all measured, known exactly.
   */
  public static Widest widest(
      String function, int firstLine, long[] lineSamples, long samples, double sampledPart) {
    if (samples <= 0) {
      // all of its time measured by blocking events, none estimated
      return new Widest(function, firstLine, 0);
    }
    Widest widest = null;
    for (int i = 0; i < lineSamples.length; i++) {
      double share = (lineSamples[i] + 2.0) / (samples + 4);
      double points = halfWidthPoints(share, samples + 4) * sampledPart;
      if (widest == null || points > widest.points()) {
        widest = new Widest(function, firstLine + i, points);
      }
    }
    return widest == null ? Widest.UNKNOWN : widest;
  }
}
