package io.github.lineprof.probe;

import java.util.List;

/**
 * The probes' own cost per line event, measured once per JVM in the current mode: the time an
 * instrumented loop of empty lines takes beyond the same loop without probes. Reports subtract it
 * from each line's time (hits x cost), so cheap lines many times hit are not inflated by the probes.
 */
public final class Calibration {
  private static final int EVENTS_PER_ROUND = 20_000;
  private static final int ROUNDS = 40;
  private static volatile long sink;

  private Calibration() {}

  /** Nanoseconds per line event; measured on first use (a few tens of milliseconds). */
  public static double nanosPerEvent() {
    return Holder.NANOS_PER_EVENT;
  }

  private static final class Holder {
    static final double NANOS_PER_EVENT = measure();
  }

  /** The best of several rounds: the steady state once the JIT has compiled both loops. */
  private static double measure() {
    FunctionProbe probe = FunctionProbe.unregistered("lineprof", "calibration", 1, List.of("", ""));
    double best = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sink = instrumented(probe, EVENTS_PER_ROUND / 2);
      long middle = System.nanoTime();
      sink = plain(EVENTS_PER_ROUND / 2);
      long end = System.nanoTime();
      best = Math.min(best, ((middle - start) - (end - middle)) / (double) EVENTS_PER_ROUND);
    }
    return Math.max(0, best);
  }

  /** A loop shaped like an instrumented copy's: the header and the body line are one event each. */
  private static long instrumented(FunctionProbe p, int n) {
    final long[] c = p.counters(); int l = p.entry(); long t = 0L; try {
      long x = 0;
      for (int i = 0; switch ((int) (t = p.line(c, l, l = 0, t))) { default -> i < n; }; i++) {
        t = p.line(c, l, l = 1, t); x += i;
      }
      return x;
    } finally { p.exit(c, l, t); }
  }

  private static long plain(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += i;
    }
    return x;
  }
}
