package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;

/**
 * A small "test suite" for the diff tests: the same work every run, in lines of very different
 * weight, so that two identical runs under the agent differ only by their noise. The first argument
 * (default 1) multiplies the work of one line, {@code sum += spin(...)}, and of nothing else: every
 * line keeps its hits, so that line's time is the one real change. The second is the number of
 * tests (default 100), each of 250,000 iterations: enough for a few seconds of it, after which the
 * JIT has compiled what it compiles (a run of 200 ms had {@code mix} interpreted in one JVM and
 * compiled in the other).
 */
public final class SuiteMain {
  private SuiteMain() {}

  public static void main(String[] args) {
    int weight = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int tests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long checksum = 0;
    for (int test = 0; test < tests; test++) {
      checksum += run(250_000, weight);
    }
    System.out.println(checksum);
  }

  @LineProfile
  static long run(int n, int weight) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Long.bitCount(i * 0x9E3779B97F4A7C15L ^ sum);
      if ((i & 1023) == 0) {
        sum += mix(sum);
        sum += spin(sum, 2_000 * weight);
      }
    }
    return sum;
  }

  @LineProfile
  static long mix(long x) {
    long h = x;
    for (int round = 0; round < 64; round++) {
      h = Long.rotateLeft(h * 0xBF58476D1CE4E5B9L, 31);
    }
    return h;
  }

  /** Not profiled: its time is its calling line's. */
  private static long spin(long x, int rounds) {
    long h = x;
    for (int round = 0; round < rounds; round++) {
      h = Long.rotateLeft(h * 0x94D049BB133111EBL, 27) ^ round;
    }
    return h;
  }
}
