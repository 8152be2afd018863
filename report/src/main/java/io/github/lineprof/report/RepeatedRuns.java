package io.github.lineprof.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The statistics of {@code lineprof check}: whether a time measured in several independent runs of
 * two reports changed. Welch's t-test on the logarithms of the runs' times compares the two
 * reports' typical times as a ratio (run-to-run variation is multiplicative: a busier machine or
 * another JIT decision makes everything some percent slower), without assuming equal variances. It
 * works from two runs a side, where a rank test cannot: with 5 runs a side Mann-Whitney's smallest
 * possible p-value is 0.008, which no correction for a few dozen lines lets through. The p-values
 * of all the times one rule compares are then adjusted with Benjamini and Hochberg's procedure. A
 * line is compared {@link #relativeToSteadyLines relative to its function's other lines}, which
 * takes out what changed every line of a run alike.
 */
final class RepeatedRuns {
  /** Added to every time before its logarithm is taken, so a run that measured 0 ns counts. */
  private static final double FLOOR_NANOS = 1;

  /** The fewest lines timed in every run whose median tells a run's common factor. */
  static final int MIN_LINES = 3;

  private RepeatedRuns() {}

  /**
   * One time compared between two reports.
   *
   * @param ratio the candidate's mean over the baseline's (1.1: 10 % slower); infinite when the
   *     baseline's mean is 0
   * @param p the p-value of Welch's t-test on the logarithms, two-sided, or against a change of at
   *     most the minimum effect when one is given; 1 when the runs cannot tell (fewer than 2 a
   *     side)
   */
  record Comparison(double ratio, double p) {}

  /** Whether there are runs enough to test: two or more on each side. */
  static boolean testable(long[] before, long[] after) {
    return before.length >= 2 && after.length >= 2;
  }

  /** Tests whether the time changed at all. */
  static Comparison compare(long[] before, long[] after) {
    return compare(before, after, 0);
  }

  /**
   * Tests whether the time changed by more than {@code minEffectPercent}, either way: the null
   * hypothesis is a ratio of typical times from 1 - m to 1 + m, so a change that measures just
   * beyond m is not enough; the runs must show it beyond m.
   */
  static Comparison compare(long[] before, long[] after, double minEffectPercent) {
    double meanBefore = Arrays.stream(before).average().orElse(0);
    double meanAfter = Arrays.stream(after).average().orElse(0);
    double ratio =
        meanBefore == 0 ? (meanAfter == 0 ? 1 : Double.POSITIVE_INFINITY) : meanAfter / meanBefore;
    if (!testable(before, after)) {
      return new Comparison(ratio, 1);
    }
    double[] a = logs(before);
    double[] b = logs(after);
    double above = Math.log1p(minEffectPercent / 100);
    double below =
        minEffectPercent >= 100 ? Double.POSITIVE_INFINITY : -Math.log1p(-minEffectPercent / 100);
    boolean constantA = Arrays.stream(a).allMatch(x -> x == a[0]);
    boolean constantB = Arrays.stream(b).allMatch(x -> x == b[0]);
    if (constantA && constantB) {
      // no variation at all: a counted number, not a measurement; the change is exact
      double difference = b[0] - a[0];
      return new Comparison(ratio, difference > above || -difference > below ? 0 : 1);
    }
    return new Comparison(ratio, StudentT.welchBeyondP(a, b, below, above));
  }

  /**
   * The lines' times, each divided run by run by what the function's other steady lines took in
   * that run (scaled to that total's geometric mean), so that a line is compared with the rest of
   * its function: a busier or slower machine, or a JIT that compiled the whole method otherwise,
   * slows every line of a run alike and cancels out, leaving the sampling's error and what changed
   * the line alone. "Steady" leaves out the lines that changed, which would otherwise make every
   * other line look faster: they are found first against the median-of-ratios size factors of
   * Anders and Huber (DESeq; the median over the lines of each line's time over its geometric mean
   * across all runs), which a minority of changed lines barely moves, with the same test and
   * thresholds as the final one.
   *
   * @param lines each line's times in all runs, the baseline's {@code runsBefore} first
   * @return the lines' times so divided, in the same order; null with fewer than {@value
   *     #MIN_LINES} lines timed in every run, or none steady, where the lines have nothing to be
   *     compared with
   */
  static List<long[]> relativeToSteadyLines(
      List<long[]> lines, int runsBefore, double falseDiscoveryRate, double minEffectPercent) {
    List<long[]> timed = lines.stream().filter(l -> Arrays.stream(l).allMatch(t -> t > 0)).toList();
    if (timed.size() < MIN_LINES) {
      return null;
    }
    double[] factors = sizeFactors(timed);
    double[] p = new double[timed.size()];
    double[] ratios = new double[timed.size()];
    for (int l = 0; l < timed.size(); l++) {
      long[] scaled = scaled(timed.get(l), factors);
      Comparison c =
          compare(
              Arrays.copyOfRange(scaled, 0, runsBefore),
              Arrays.copyOfRange(scaled, runsBefore, scaled.length));
      p[l] = c.p();
      ratios[l] = c.ratio();
    }
    double[] adjusted = adjusted(p);
    List<long[]> steady = new ArrayList<>();
    for (int l = 0; l < timed.size(); l++) {
      boolean changed =
          adjusted[l] <= falseDiscoveryRate && Math.abs(100 * (ratios[l] - 1)) > minEffectPercent;
      if (!changed) {
        steady.add(timed.get(l));
      }
    }
    if (steady.isEmpty()) {
      return null;
    }
    List<long[]> relative = new ArrayList<>();
    for (long[] line : lines) {
      List<long[]> others = steady.stream().filter(k -> k != line).toList();
      relative.add(scaled(line, totalFactors(others.isEmpty() ? steady : others)));
    }
    return relative;
  }

  /** Per run, the median over the lines of the line's time over its geometric mean. */
  private static double[] sizeFactors(List<long[]> lines) {
    int runs = lines.get(0).length;
    double[][] logRatios = new double[runs][lines.size()];
    for (int l = 0; l < lines.size(); l++) {
      double[] logs = logs(lines.get(l));
      double mean = Arrays.stream(logs).average().orElse(0);
      for (int r = 0; r < runs; r++) {
        logRatios[r][l] = logs[r] - mean;
      }
    }
    double[] factors = new double[runs];
    for (int r = 0; r < runs; r++) {
      Arrays.sort(logRatios[r]);
      int n = logRatios[r].length;
      factors[r] = Math.exp((logRatios[r][(n - 1) / 2] + logRatios[r][n / 2]) / 2);
    }
    return factors;
  }

  /** Per run, the lines' total over its geometric mean across the runs. */
  private static double[] totalFactors(List<long[]> lines) {
    long[] totals = new long[lines.get(0).length];
    for (long[] line : lines) {
      for (int r = 0; r < totals.length; r++) {
        totals[r] += line[r];
      }
    }
    double[] logs = logs(totals);
    double mean = Arrays.stream(logs).average().orElse(0);
    return Arrays.stream(logs).map(l -> Math.exp(l - mean)).toArray();
  }

  private static long[] scaled(long[] nanos, double[] factors) {
    long[] scaled = new long[nanos.length];
    for (int r = 0; r < nanos.length; r++) {
      scaled[r] = Math.round(nanos[r] / factors[r]);
    }
    return scaled;
  }

  private static double[] logs(long[] nanos) {
    return Arrays.stream(nanos).mapToDouble(t -> Math.log(t + FLOOR_NANOS)).toArray();
  }

  /**
   * Benjamini-Hochberg adjusted p-values: a test is significant at false discovery rate q when its
   * adjusted p is at most q. When nothing changed at all this also bounds the chance of any false
   * alarm among the m tests at q.
   */
  static double[] adjusted(double[] p) {
    int m = p.length;
    Integer[] order =
        IntStream.range(0, m)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> p[i]))
            .toArray(Integer[]::new);
    double[] adjusted = new double[m];
    double smallest = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      smallest = Math.min(smallest, p[i] * m / rank);
      adjusted[i] = smallest;
    }
    return adjusted;
  }
}
