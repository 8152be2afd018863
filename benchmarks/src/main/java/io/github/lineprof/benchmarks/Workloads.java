package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfile;
import java.util.Arrays;

/**
 * Methods of known shape for the overhead and accuracy benchmarks. Each is profiled: plain JMH runs
 * time the originals, {@code -prof io.github.lineprof.jmh.JmhLineProfiler} the instrumented copies.
 */
public final class Workloads {
  private Workloads() {}

  /** The tight loop that line_profiler slows 19x: 2 line events per element. */
  @LineProfile
  public static long sum(int[] values) {
    long s = 0;
    for (int i = 0; i < values.length; i++) {
      s += values[i];
    }
    return s;
  }

  /** Ten cheap lines: 10 line events per call, to price one event. */
  @LineProfile
  public static int cheapLines(int x) {
    int a = x + 1;
    int b = a ^ 0x5bd1e995;
    int c = b * 31;
    int d = c >>> 7;
    int e = d + a;
    int f = e ^ b;
    int g = f * 17;
    int h = g >>> 3;
    int k = h + c;
    return k ^ x;
  }

  /**
   * Lines whose costs are known from JMH runs of each alone ({@link AccuracyBenchmark}): three calls
   * of 1, 2 and 4 units of work and a cheap line run many times.
   */
  @LineProfile
  public static long accuracy(long seed) {
    long a = spin(seed, SPIN_1);
    long b = spin(a, SPIN_2);
    long c = spin(b, SPIN_4);
    long cheap = 0;
    for (int i = 0; i < CHEAP_TRIPS; i++) {
      cheap += i ^ c;
    }
    return a + b + c + cheap;
  }

  static final int SPIN_1 = 2_000;
  static final int SPIN_2 = 4_000;
  static final int SPIN_4 = 8_000;
  static final int CHEAP_TRIPS = 2_000;

  /** A dependent chain of multiply-adds the JIT cannot shorten: cost proportional to rounds. */
  static long spin(long x, int rounds) {
    for (int r = 0; r < rounds; r++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }

  /** The cheap line of {@link #accuracy} alone, for its true cost. */
  static long cheapLoop(long c) {
    long cheap = 0;
    for (int i = 0; i < CHEAP_TRIPS; i++) {
      cheap += i ^ c;
    }
    return cheap;
  }

  /** {@link #fib}'s argument in {@link TotalsBenchmark}, and the invocations one call of it makes. */
  static final int FIB_N = 20;

  static final long FIB_INVOCATIONS = 21_891;

  /** Recursion: the table's Total must be the outermost calls' time, not once per frame. */
  @LineProfile
  public static int fib(int n) {
    if (n < 2) {
      return n;
    }
    return fib(n - 1) + fib(n - 2);
  }

  /** {@link #tree}'s depth in {@link TotalsBenchmark}, and the invocations one call of it makes. */
  static final int TREE_DEPTH = 5;

  static final long TREE_INVOCATIONS = 63;

  /** Recursion whose lines do real work (a spin per invocation), unlike {@link #fib}'s. */
  @LineProfile
  public static long tree(long x, int depth) {
    long y = spin(x, SPIN_1);
    if (depth == 0) {
      return y;
    }
    return tree(y, depth - 1) + tree(y + 1, depth - 1);
  }

  /**
   * A block lambda: its line is shown nested under the forEach line, which includes it, and is not
   * added again into the Total (lines 2, 3 and 6 of the method are its top-level lines).
   */
  @LineProfile
  public static long lambdas(long[] seeds) {
    long[] t = {0};
    Arrays.stream(seeds).forEach(x -> {
      t[0] += spin(x, SPIN_1);
    });
    return t[0];
  }
}
