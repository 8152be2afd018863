package io.github.lineprof.probe;

import io.github.lineprof.internal.stats.FunctionInfo;
import java.util.List;

/**
 * The probes' own cost, measured once per JVM in the current mode before the first profiled function
 * registers, so that no line is charged for the probes' time. Each cost is the best of many rounds:
 * the steady state once the JIT has compiled the measuring loops, which are shaped like the copies.
 *
 * <p>Exact mode: the probes book their cost as they run (see {@link FunctionProbe}): per line event,
 * the time charged to a line that does nothing; per call of a profiled method, what its entry and
 * exit add to the calling line. Sampled mode, where lines are not timed one by one: how much longer
 * an instrumented loop runs than the same loop without probes, per event; reports subtract it per
 * hit. {@code -Dlineprof.calibration=false} turns both off.
 */
public final class Calibration {
  /** {@code -Dlineprof.calibration=false} reports the raw times. */
  public static final String PROPERTY = "lineprof.calibration";

  // Short loops run many times: the JIT then compiles the loops' methods whole, as it compiles the
  // profiled code, rather than only replacing a running loop (on-stack replacement).
  private static final int ITERATIONS = 1_000;
  private static final int ROUNDS = 2_000;
  private static volatile long sink;

  private Calibration() {}

  public static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
  }

  /** Nanoseconds per line event. */
  public static double eventNanos() {
    return Costs.EVENT;
  }

  /** Nanoseconds a call of a profiled method adds to the calling line, beyond its line events. */
  public static double callNanos() {
    return Costs.CALL;
  }

  /** What an exact-mode line event books as debt, in the probes' fixed point; 0 if not booked. */
  static long eventDebt() {
    return booked() ? Math.round(Costs.EVENT * (1 << FunctionProbe.DEBT_SHIFT)) : 0;
  }

  /** What an exact-mode call books as debt at its exit, in the probes' fixed point. */
  static long callDebt() {
    return booked() ? Math.round(Costs.CALL * (1 << FunctionProbe.DEBT_SHIFT)) : 0;
  }

  /** Whether the probes book their cost as they run: exact mode, calibration on. */
  private static boolean booked() {
    return ProbeMode.current() == ProbeMode.EXACT && enabled();
  }

  private static final class Costs {
    static final double EVENT;
    static final double CALL;

    static {
      if (!enabled()) {
        EVENT = 0;
        CALL = 0;
      } else if (ProbeMode.current() == ProbeMode.EXACT) {
        EVENT = chargedPerEmptyLine();
        CALL = Math.max(0, chargedPerCallingLine() - 2 * EVENT);
      } else {
        EVENT = slowdownPerEvent();
        CALL = 0;
      }
    }
  }

  private static FunctionProbe probe() {
    return new FunctionProbe(new FunctionInfo("lineprof", "calibration", 1, List.of("", "")), 0, 0);
  }

  /** Exact mode: the time charged to the lines of an empty loop, per event. */
  private static double chargedPerEmptyLine() {
    FunctionProbe loop = probe();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = charged(loop, 0) + charged(loop, 1);
      sink = emptyLines(loop, ITERATIONS);
      best = Math.min(best, charged(loop, 0) + charged(loop, 1) - before);
    }
    return best / (2.0 * ITERATIONS);
  }

  /** Exact mode: the time charged to a line that calls an empty profiled method, per call. */
  private static double chargedPerCallingLine() {
    FunctionProbe loop = probe();
    FunctionProbe callee = probe();
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = charged(loop, 1);
      sink = calls(loop, callee, ITERATIONS);
      best = Math.min(best, charged(loop, 1) - before);
    }
    return best / (double) ITERATIONS;
  }

  /**
   * Sampled mode: the instrumented loop's extra time per event, over the second half of the rounds
   * (the first half lets the JIT compile both loops).
   */
  private static double slowdownPerEvent() {
    FunctionProbe probe = probe();
    long instrumented = 0;
    long plain = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sink = emptyLines(probe, ITERATIONS);
      long middle = System.nanoTime();
      sink = plain(ITERATIONS);
      long end = System.nanoTime();
      if (round >= ROUNDS / 2) {
        instrumented += middle - start;
        plain += end - middle;
      }
    }
    return Math.max(0, instrumented - plain) / (2.0 * ITERATIONS * (ROUNDS - ROUNDS / 2));
  }

  /** The nanoseconds charged so far to line {@code index} of a calibration probe. */
  private static long charged(FunctionProbe probe, int index) {
    return probe.snapshot().nanos(1 + index);
  }

  // The loops below are written the way the processor writes instrumented copies.

  private static long emptyLines(FunctionProbe p, int n) {
    final long[] c = p.counters(); int l = p.entry(); long t = p.enter(c); try {
      long x = 0;
      for (int i = 0; switch ((int) (t = p.line(c, l, l = 0, t))) { default -> i < n; }; i++) {
        t = p.line(c, l, l = 1, t); x += i;
      }
      return x;
    } finally { p.exit(c, l, t); }
  }

  private static long calls(FunctionProbe p, FunctionProbe callee, int n) {
    final long[] c = p.counters(); int l = p.entry(); long t = p.enter(c); try {
      long x = 0;
      for (int i = 0; switch ((int) (t = p.line(c, l, l = 0, t))) { default -> i < n; }; i++) {
        t = p.line(c, l, l = 1, t); x += empty(callee, i);
      }
      return x;
    } finally { p.exit(c, l, t); }
  }

  private static int empty(FunctionProbe p, int i) {
    final long[] c = p.counters(); int l = p.entry(); long t = p.enter(c); try {
      t = p.line(c, l, l = 0, t); return i;
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
