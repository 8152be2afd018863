package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;

/** A line that allocates a known number of bytes per hit, beside one that allocates nothing. */
public final class Allocations {
  public static final int BYTES = 1000;
  public static final int HITS = 1000;
  /** Kept, so that the JIT cannot leave the arrays unallocated (escape analysis). */
  static byte[] kept;

  private Allocations() {}

  @LineProfile
  public static long allocate() {
    long sum = 0;
    for (int i = 0; i < HITS; i++) {
      kept = new byte[BYTES];
      sum += mix(i);
    }
    return sum;
  }

  private static long mix(long x) {
    return x * 6364136223846793005L + 1442695040888963407L;
  }
}
