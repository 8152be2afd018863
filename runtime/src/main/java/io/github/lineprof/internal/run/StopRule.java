package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.report.stats.SamplePrecision.Widest;
import java.util.Locale;

/**
 * When the recording of the original may end: once every line's share of its function is known
 * within {@code precision} points at 95 %, or at {@code samples} samples (when capped), or when
 * {@code maxNanos} have passed; and how the report says which.
 *
 * @param precision the half-width wanted, in percentage points
 * @param maxSamples the most samples to take; 0 for no cap
 * @param maxNanos the longest to record
 */
record StopRule(double precision, long maxSamples, long maxNanos) {

  /** What ended a recording. */
  enum Reason {
    KNOWN,
    SAMPLES,
    MAX_TIME
  }

  static StopRule of(ProfileOptions options) {
    return new StopRule(options.precision(), options.samples(), options.maxTime().toNanos());
  }

  /** Whether the lines are known well enough: recording more would not be needed. */
  boolean known(Widest widest) {
    return widest.points() <= precision;
  }

  /**
   * What ends the recording now, or null to go on: the {@code widest} line so far, from {@code
   * samples} samples, after {@code elapsedNanos} of recording.
   */
  Reason decide(Widest widest, long samples, long elapsedNanos) {
    if (known(widest)) {
      return Reason.KNOWN;
    }
    if (maxSamples > 0 && samples >= maxSamples) {
      return Reason.SAMPLES;
    }
    return elapsedNanos >= maxNanos ? Reason.MAX_TIME : null;
  }

  /**
   * The report's words, e.g. {@code recorded 4.2 s: every line's share known within +-1 point (95
   * %)} or {@code stopped at maxTime 20 s: Sim.step line 26 known within +-1.4 points only}.
   */
  String note(Reason reason, long elapsedNanos, Widest widest) {
    String target = points(precision);
    if (reason == Reason.KNOWN) {
      return String.format(
          Locale.ROOT,
          "recorded %.1f s: every line's share known within +-%s (95 %%)",
          elapsedNanos / 1e9,
          target);
    }
    String why =
        reason == Reason.SAMPLES
            ? "stopped at samples=" + maxSamples
            : String.format(Locale.ROOT, "stopped at maxTime %s s", seconds(maxNanos));
    String line =
        widest.points() == Double.POSITIVE_INFINITY
            ? "no line of a profiled function sampled, so no share known"
            : String.format(
                Locale.ROOT,
                "%s line %d known within +-%.1f points only (target +-%s)",
                widest.function(),
                widest.line(),
                // a bound, so rounded up: a miss never reads as the target it missed
                Math.ceil(widest.points() * 10 - 1e-9) / 10,
                target);
    return String.format(Locale.ROOT, "%s after %.1f s: %s", why, elapsedNanos / 1e9, line);
  }

  private static String points(double points) {
    String number =
        points == Math.rint(points)
            ? String.valueOf((long) points)
            : String.format(Locale.ROOT, "%s", points);
    return number + (points == 1 ? " point" : " points");
  }

  private static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
  }
}
