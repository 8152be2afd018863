package io.github.lineprof.probe;

import java.util.List;

/**
 * The probes' own cost per line event, measured once per JVM in the current mode, which reports
 * subtract from each line's time (hits x cost), so that cheap lines hit many times are not inflated
 * by the probes. Exact mode: the time charged to a line that does nothing, from an instrumented loop
 * of empty lines. Sampled mode, where lines are not timed one by one: how much longer that loop runs
 * than the same loop without probes. Each is the best of many rounds: the JIT-compiled steady state.
 */
public final class Calibration {
  private static final int ITERATIONS = 10_000;
  private static final int EVENTS = 2 * ITERATIONS;
  private static final int ROUNDS = 200;
  private static volatile long sink;

  private Calibration() {}

  /** Nanoseconds per line event; measured on first use (some tens of milliseconds). */
  public static double nanosPerEvent() {
    return Holder.NANOS_PER_EVENT;
  }

  private static final class Holder {
    static final double NANOS_PER_EVENT = ProbeMode.current() == ProbeMode.EXACT ? chargedPerEmptyLine() : slowdownPerEvent();
  }

  private static double chargedPerEmptyLine() {
    FunctionProbe probe = probe();
    long[] c = probe.counters();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = c[1] + c[3];
      sink = instrumented(probe, ITERATIONS);
      best = Math.min(best, c[1] + c[3] - before);
    }
    return best / (double) EVENTS;
  }

  private static double slowdownPerEvent() {
    FunctionProbe probe = probe();
    long instrumented = Long.MAX_VALUE;
    long plain = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sink = instrumented(probe, ITERATIONS);
      long middle = System.nanoTime();
      sink = plain(ITERATIONS);
      long end = System.nanoTime();
      instrumented = Math.min(instrumented, middle - start);
      plain = Math.min(plain, end - middle);
    }
    return Math.max(0, instrumented - plain) / (double) EVENTS;
  }

  private static FunctionProbe probe() {
    return FunctionProbe.unregistered("lineprof", "calibration", 1, List.of("", ""));
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
