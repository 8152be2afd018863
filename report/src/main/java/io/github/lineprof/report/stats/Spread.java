package io.github.lineprof.report.stats;

/**
 * The spread of a line's hits in exact mode: a log-scale histogram of each hit's time, one bucket
 * per power of two. Bucket 0 holds hits under 16 ns; bucket {@code b} from 1 to 30 holds {@code
 * [2^(b+3), 2^(b+4))} ns; bucket 31 holds 2^34 ns (17.2 s) and more. 32 buckets keep the histogram
 * at 256 bytes per line and live thread, and its index is two instructions on the probes' path
 * ({@link #bucket}).
 *
 * <p>A statistic read from the buckets ({@link #summary}) is its bucket's geometric middle, within
 * a factor of sqrt(2) of the true value; when all hits share one bucket (they are within a factor
 * of 2 of each other), all four are the line's mean, which the buckets cannot improve on.
 */
public final class Spread {
  public static final int BUCKETS = 32;

  /** Bucket 1 starts at 2^SHIFT ns. */
  private static final int SHIFT = 4;

  private Spread() {}

  /**
   * The bucket of a hit of {@code nanos}; a negative time (the probes' calibration overshot) is
   * bucket 0.
   */
  public static int bucket(long nanos) {
    return Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(Math.max(nanos, 0) >>> SHIFT));
  }

  /** The smallest time bucket {@code b} holds, in nanoseconds. */
  public static long lowerBound(int b) {
    return b == 0 ? 0 : 1L << (b + SHIFT - 1);
  }

  /** The bucket whose {@link #lowerBound} is {@code nanos}, or -1 if none is. */
  public static int bucketOfLowerBound(long nanos) {
    int b = bucket(nanos);
    return lowerBound(b) == nanos ? b : -1;
  }

  /** What stands for a hit of bucket {@code b}: its geometric middle (bucket 0: 8 ns). */
  static double middle(int b) {
    return b == 0 ? (1 << SHIFT) / 2.0 : lowerBound(b) * Math.sqrt(2);
  }

  /**
   * Min, median, 99th percentile and max of a line's hits, in nanoseconds, rounded.
   *
   * @param counts the line's buckets, {@code counts[from]} to {@code counts[from + BUCKETS - 1]}
   * @param mean the line's time per hit: all four when one bucket holds every hit; min is at most
   *     and max at least the mean, as true values are
   * @return {@code null} when no hit was timed
   */
  static Summary summary(long[] counts, int from, double mean) {
    long total = 0;
    int lowest = -1;
    int highest = -1;
    for (int b = 0; b < BUCKETS; b++) {
      if (counts[from + b] > 0) {
        total += counts[from + b];
        lowest = lowest < 0 ? b : lowest;
        highest = b;
      }
    }
    if (total == 0) {
      return null;
    }
    if (lowest == highest) {
      long m = Math.round(mean);
      return new Summary(m, m, m, m);
    }
    double min = Math.min(middle(lowest), mean);
    double max = Math.max(middle(highest), mean);
    return new Summary(
        Math.round(min),
        Math.round(clamp(quantile(counts, from, total, 0.5), min, max)),
        Math.round(clamp(quantile(counts, from, total, 0.99), min, max)),
        Math.round(max));
  }

  /** The middle of the bucket holding the hit of rank {@code ceil(q * total)}, counted from 1. */
  private static double quantile(long[] counts, int from, long total, double q) {
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += counts[from + b];
      if (seen >= rank) {
        return middle(b);
      }
    }
    throw new AssertionError("rank " + rank + " beyond " + total + " hits");
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** A line's spread, in nanoseconds. */
  public record Summary(long min, long median, long p99, long max) {}
}
