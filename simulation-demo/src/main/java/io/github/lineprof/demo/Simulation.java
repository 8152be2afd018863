package io.github.lineprof.demo;

import io.github.lineprof.LineProfile;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The random walks of the IPython Cookbook's line_profiler recipe (4.3), written as a Java developer
 * would write them: {@code iterations} walkers take {@code n} steps of +1 or -1 each, and each
 * iteration's positions are counted in bins -30..29.
 */
public final class Simulation {
  /** The edges of numpy's {@code np.arange(-30, 30, 1)}: 59 bins, the last closed on the right. */
  static final int BINS_START = -30;
  static final int BINS_STOP = 30;

  private Simulation() {}

  /** A rows x cols matrix of +1 and -1, each with probability 1/2. */
  @LineProfile
  public static int[][] step(int rows, int cols) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int[][] steps = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        steps[i][j] = random.nextDouble() < 0.5 ? 1 : -1;
      }
    }
    return steps;
  }

  /** The histogram of every row of the walks' cumulative sums: an int[iterations][59]. */
  @LineProfile
  public static int[][] simulate(int iterations, int n) {
    int[][] s = step(iterations, n);
    int[][] x = cumulativeSum(s);
    int[] bins = range(BINS_START, BINS_STOP, 1);
    int[][] y = new int[iterations][];
    for (int i = 0; i < iterations; i++) {
      y[i] = histogram(x[i], bins);
    }
    return y;
  }

  /** numpy's {@code cumsum(a, axis=0)}: row i holds the sums of rows 0..i. */
  private static int[][] cumulativeSum(int[][] a) {
    int[][] sums = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      sums[i] = a[i].clone();
      if (i > 0) {
        for (int j = 0; j < sums[i].length; j++) {
          sums[i][j] += sums[i - 1][j];
        }
      }
    }
    return sums;
  }

  /** numpy's {@code arange(start, stop, step)} for ints. */
  private static int[] range(int start, int stop, int step) {
    int[] values = new int[Math.max(0, (stop - start + step - 1) / step)];
    for (int i = 0; i < values.length; i++) {
      values[i] = start + i * step;
    }
    return values;
  }

  /**
   * numpy's {@code histogram(values, edges)[0]}: bins are [e[k], e[k+1]) but the last is closed;
   * values outside [e[0], e[last]] are not counted.
   */
  private static int[] histogram(int[] values, int[] edges) {
    int[] counts = new int[edges.length - 1];
    for (int v : values) {
      if (v < edges[0] || v > edges[edges.length - 1]) {
        continue;
      }
      int k = Arrays.binarySearch(edges, v);
      int bin = k >= 0 ? k : -k - 2;
      counts[Math.min(bin, counts.length - 1)]++;
    }
    return counts;
  }
}
