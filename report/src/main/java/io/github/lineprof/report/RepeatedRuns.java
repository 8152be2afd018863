package io.github.lineprof.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The statistics of {@code lineprof check}: whether a time measured in several independent runs of
 * two reports changed. Welch's t-test on the logarithms of the runs' times compares the two
 * reports' typical times as a ratio (run-to-run variation is multiplicative: a busier machine or
 * another JIT decision makes everything some percent slower), without assuming equal variances. It
 * works from two runs a side, where a rank test cannot: with 5 runs a side Mann-Whitney's smallest
 * possible p-value is 0.008, which no correction for a few dozen lines lets through. The p-values
 * of all the times one rule compares are then adjusted with Benjamini and Hochberg's procedure.
 */
final class RepeatedRuns {
  /** Added to every time before its logarithm is taken, so a run that measured 0 ns counts. */
  private static final double FLOOR_NANOS = 1;

  private RepeatedRuns() {}

  /**
   * One time compared between two reports.
   *
   * @param ratio the candidate's mean over the baseline's (1.1: 10 % slower); infinite when the
   *     baseline's mean is 0
   * @param p the two-sided p-value of Welch's t-test on the logarithms; 1 when the runs cannot tell
   *     (fewer than 2 a side, or no variation in either)
   */
  record Comparison(double ratio, double p) {}

  /** Whether there are runs enough to test: two or more on each side. */
  static boolean testable(long[] before, long[] after) {
    return before.length >= 2 && after.length >= 2;
  }

  static Comparison compare(long[] before, long[] after) {
    double meanBefore = Arrays.stream(before).average().orElse(0);
    double meanAfter = Arrays.stream(after).average().orElse(0);
    double ratio =
        meanBefore == 0 ? (meanAfter == 0 ? 1 : Double.POSITIVE_INFINITY) : meanAfter / meanBefore;
    if (!testable(before, after)) {
      return new Comparison(ratio, 1);
    }
    double[] a = logs(before);
    double[] b = logs(after);
    boolean constantA = Arrays.stream(a).allMatch(x -> x == a[0]);
    boolean constantB = Arrays.stream(b).allMatch(x -> x == b[0]);
    if (constantA && constantB) {
      // no variation at all: a counted number, not a measurement; equal or not, nothing to test
      return new Comparison(ratio, a[0] == b[0] ? 1 : 0);
    }
    return new Comparison(ratio, StudentT.welchP(a, b));
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
