package io.github.lineprof.report;

import io.github.lineprof.report.ReportDiff.Numbers;
import io.github.lineprof.report.stats.RunInfo;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a change of time between two runs says nothing: it is within the larger of a floor for
 * run-to-run variation (the JIT, the machine's load, the clock), which no single run can measure,
 * and the sampling error of times estimated from samples, plus, where the times are the
 * instrumented copy's (exact and sampled mode), what the probes' events in it cost in each run
 * ({@link ProbeCost}), which the JIT compiles differently from run to run. Hits are counted, not
 * estimated, so any change of hits is real.
 */
final class Noise {
  private static final double Z_95 = 1.96;

  /**
   * Run-to-run variation of a line's time, as a share of its larger time: what separate JVMs of the
   * same program differ by on an idle machine. A line of real work (a call of microseconds) moved
   * by up to 12.6 % between identical exact-mode runs and 17.9 % between sampled ones
   * (AgentRunsDiffIT's program, 41 and 36 pairs, 2-core machine at a load of 1.5 to 2.2).
   */
  static final double LINE_SHARE = 0.20;

  /** ... and of its function's larger total, so that lines of a few nanoseconds do not flap. */
  static final double FUNCTION_SHARE = 0.01;

  /**
   * What reports without per-line samples stated in original mode's note: "+-0.8 points at 95%" of
   * the function's time.
   */
  private static final Pattern STATED = Pattern.compile("\\+-(\\d+(?:\\.\\d+)?) points at 95%");

  /**
   * The widest precision each report's runs state, in points of a function's time; 0 when none
   * does.
   */
  private final double beforePoints;

  private final double afterPoints;

  private final ProbeCost beforeProbes;
  private final ProbeCost afterProbes;

  private Noise(
      double beforePoints, double afterPoints, ProbeCost beforeProbes, ProbeCost afterProbes) {
    this.beforePoints = beforePoints;
    this.afterPoints = afterPoints;
    this.beforeProbes = beforeProbes;
    this.afterProbes = afterProbes;
  }

  static Noise of(JsonReportReader.Report before, JsonReportReader.Report after) {
    return new Noise(
        statedPoints(before.runs()),
        statedPoints(after.runs()),
        ProbeCost.of(before.stats(), before.runs()),
        ProbeCost.of(after.stats(), after.runs()));
  }

  ProbeCost beforeProbes() {
    return beforeProbes;
  }

  ProbeCost afterProbes() {
    return afterProbes;
  }

  private static double statedPoints(List<RunInfo> runs) {
    double widest = 0;
    for (RunInfo run : runs) {
      Matcher stated = STATED.matcher(String.valueOf(run.sources().time()));
      if (stated.find()) {
        widest = Math.max(widest, Double.parseDouble(stated.group(1)));
      }
    }
    return widest;
  }

  /**
   * Whether a line's time changed within the noise; {@code functionNanos} is its function's larger
   * total.
   */
  boolean withinLine(Numbers before, Numbers after, long functionNanos) {
    double floor =
        Math.max(
            LINE_SHARE * Math.max(before.nanos(), after.nanos()), FUNCTION_SHARE * functionNanos);
    double sampling =
        Math.hypot(
            halfWidth(before, beforePoints, functionNanos),
            halfWidth(after, afterPoints, functionNanos));
    return within(
        after.nanos() - before.nanos(), Math.max(floor, sampling) + probes(before, after));
  }

  /** Whether a function's total time changed within the noise. */
  boolean withinTotal(Numbers before, Numbers after) {
    double floor = LINE_SHARE * Math.max(before.nanos(), after.nanos());
    double sampling = Math.hypot(halfWidth(before, 0, 0), halfWidth(after, 0, 0));
    return within(
        after.nanos() - before.nanos(), Math.max(floor, sampling) + probes(before, after));
  }

  /**
   * The probes' cost in both runs' times: each run's time may be off by up to what its probes may
   * cost, as the JIT compiled them, so the change by up to the sum.
   */
  private static double probes(Numbers before, Numbers after) {
    return before.probeNanos() + after.probeNanos();
  }

  /** A change, but no larger than the noise: no change at all is not flagged. */
  private static boolean within(long change, double noise) {
    return change != 0 && Math.abs(change) <= noise;
  }

  /**
   * The 95 % half-width of a time: from its own sample count k (a count's relative error is about
   * 1/sqrt(k)), else from the precision its run states for its function, else none (counted
   * exactly).
   */
  private static double halfWidth(Numbers numbers, double statedPoints, long functionNanos) {
    if (numbers.nanos() == 0) {
      return 0;
    }
    if (numbers.samples() > 0) {
      return Z_95 * numbers.nanos() / Math.sqrt(numbers.samples());
    }
    return numbers.samples() < 0 ? statedPoints / 100 * functionNanos : 0;
  }

  /** The rule, for the footer of every format. */
  String rule() {
    String stated =
        beforePoints == 0 && afterPoints == 0
            ? ""
            : String.format(
                Locale.ROOT,
                ", else the precision the run states (before +-%.1f, after +-%.1f points of"
                    + " the function's time)",
                beforePoints,
                afterPoints);
    String probes =
        beforeProbes.perEvent() == 0 && afterProbes.perEvent() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; plus, where the times are the instrumented copy's (exact and sampled mode), what"
                    + " the probes may cost in each run, which the JIT compiles differently from run"
                    + " to run: the line's probe events (its hits, its nested lines' and those of the"
                    + " profiled functions it calls; for a function's total, its lines') times %.0f"
                    + " times the run's calibrated cost per event (before %.1f ns, after %.1f ns), at"
                    + " most the line's whole time, summed over the two runs",
                ProbeCost.IN_CONTEXT,
                beforeProbes.perEvent(),
                afterProbes.perEvent());
    return String.format(
        Locale.ROOT,
        "~ marks a change of time within the runs' noise: no larger than %.0f %% of"
            + " the line's time or %.0f %% of its function's (%.0f %% of a function's total), which no single run"
            + " measures, or than the 95 %% sampling error of times estimated from samples: 1.96 t / sqrt(k) for a"
            + " line of k samples (in any mode whose report keeps them)%s, combined over the two runs as"
            + " sqrt(e1^2 + e2^2)%s. Hits are"
            + " counted, not estimated: a change of hits is real.",
        100 * LINE_SHARE,
        100 * FUNCTION_SHARE,
        100 * LINE_SHARE,
        stated,
        probes);
  }
}
