package io.github.lineprof.probe;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.util.Collections;

/**
 * The probes' own cost, measured once per JVM in the current mode before the first profiled
 * function registers, so that no line is charged for the probes' time. Each cost is the best of
 * many rounds: the steady state once the JIT has compiled the measuring loops, which are shaped
 * like the copies.
 *
 * <p>Exact mode: the probes book their cost as they run (see {@link CounterProbe}): per line event,
 * the time charged to a line that does nothing; per call of a profiled method, what its entry and
 * exit add to the calling line. Sampled mode, where lines are not timed one by one: how much longer
 * an instrumented loop runs than the same loop without probes, per event; the reports subtract
 * nothing (the sampler's times include the probes' cost) but name the lines whose time per hit is
 * below it. {@code -Dlineprof.calibration=false} turns both off.
 */
public final class Calibration {
  /** {@code -Dlineprof.calibration=false} reports the raw times. */
  public static final String PROPERTY = "lineprof.calibration";

  // Short loops run many times: the JIT then compiles the loops' methods whole, as it compiles the
  // profiled code, rather than only replacing a running loop (on-stack replacement).
  private static final int ITERATIONS = 1_000;
  private static final int ROUNDS = 2_000;

  @SuppressWarnings("UnusedVariable") // written, never read: the JIT cannot drop the result
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
    return booked() ? Math.round(Costs.EVENT * (1 << CounterProbe.DEBT_SHIFT)) : 0;
  }

  /** What an exact-mode call books as debt at its exit, in the probes' fixed point. */
  static long callDebt() {
    return booked() ? Math.round(Costs.CALL * (1 << CounterProbe.DEBT_SHIFT)) : 0;
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

  /** Exact mode: the time charged to the lines of an empty loop, per event. */
  private static double chargedPerEmptyLine() {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = Loops.chargedToEmptyLoop();
      sink = Loops.emptyLines(ITERATIONS);
      best = Math.min(best, Loops.chargedToEmptyLoop() - before);
    }
    return best / (2.0 * ITERATIONS);
  }

  /** Exact mode: the time charged to a line that calls an empty profiled method, per call. */
  private static double chargedPerCallingLine() {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS; round++) {
      long before = Loops.chargedToCallingLine();
      sink = Loops.calls(ITERATIONS);
      best = Math.min(best, Loops.chargedToCallingLine() - before);
    }
    return best / (double) ITERATIONS;
  }

  /**
   * Sampled mode: the instrumented loop's extra time per event, over the second half of the rounds
   * (the first half lets the JIT compile both loops).
   */
  private static double slowdownPerEvent() {
    long instrumented = 0;
    long plain = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sink = Loops.emptyLines(ITERATIONS);
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

  /**
   * The measured loops, as instrumented copies: CalibrationLoopsTest (in the processor) proves that
   * each method below is exactly what the processor writes for the same method under
   * {@code @LineProfile}, with the probe constants named here and line numbers counted from the
   * method's first line (each probe's first line is 1).
   */
  static final class Loops {
    static final FunctionProbe EMPTY_LINES = probe("emptyLines", 7);
    static final int EMPTY_LINES_ENTRY = ProbeProtocol.entryLine(1, 7);
    static final FunctionProbe CALLS = probe("calls", 7);
    static final int CALLS_ENTRY = ProbeProtocol.entryLine(1, 7);
    static final FunctionProbe EMPTY = probe("empty", 3);
    static final int EMPTY_ENTRY = ProbeProtocol.entryLine(1, 3);

    /** The lines of emptyLines' loop header and body, of calls' calling line. */
    private static final int HEADER = 3;

    private static final int BODY = 4;

    private Loops() {}

    private static FunctionProbe probe(String name, int lines) {
      return CounterProbe.of(
          new FunctionInfo("lineprof", "calibration." + name, 1, Collections.nCopies(lines, "")),
          0,
          0);
    }

    static long chargedToEmptyLoop() {
      FunctionStats stats = ((CounterProbe) EMPTY_LINES).snapshot();
      return stats.nanos(HEADER) + stats.nanos(BODY);
    }

    static long chargedToCallingLine() {
      return ((CounterProbe) CALLS).snapshot().nanos(BODY);
    }

    // spotless:off: the formatter leaves the methods below as the processor writes copies
    // CalibrationLoopsTest reads the three methods below.
    static long emptyLines(int n) { final long[] $lp$c = EMPTY_LINES.counters(); int $lp$l = EMPTY_LINES_ENTRY; long $lp$t = EMPTY_LINES.enter($lp$c); try {
      $lp$t = EMPTY_LINES.line($lp$c, $lp$l, $lp$l = 2, $lp$t); long x = 0;
      for (int i = 0; switch ((int) ($lp$t = EMPTY_LINES.line($lp$c, $lp$l, $lp$l = 3, $lp$t))) { default -> i < n; }; i++) {
        $lp$t = EMPTY_LINES.line($lp$c, $lp$l, $lp$l = 4, $lp$t); x += i;
      }
      $lp$t = EMPTY_LINES.line($lp$c, $lp$l, $lp$l = 6, $lp$t); return x;
    } finally { EMPTY_LINES.exit($lp$l, $lp$t); } }

    static long calls(int n) { final long[] $lp$c = CALLS.counters(); int $lp$l = CALLS_ENTRY; long $lp$t = CALLS.enter($lp$c); try {
      $lp$t = CALLS.line($lp$c, $lp$l, $lp$l = 2, $lp$t); long x = 0;
      for (int i = 0; switch ((int) ($lp$t = CALLS.line($lp$c, $lp$l, $lp$l = 3, $lp$t))) { default -> i < n; }; i++) {
        $lp$t = CALLS.line($lp$c, $lp$l, $lp$l = 4, $lp$t); x += empty(i);
      }
      $lp$t = CALLS.line($lp$c, $lp$l, $lp$l = 6, $lp$t); return x;
    } finally { CALLS.exit($lp$l, $lp$t); } }

    static int empty(int i) { final long[] $lp$c = EMPTY.counters(); int $lp$l = EMPTY_ENTRY; long $lp$t = EMPTY.enter($lp$c); try {
      $lp$t = EMPTY.line($lp$c, $lp$l, $lp$l = 2, $lp$t); return i;
    } finally { EMPTY.exit($lp$l, $lp$t); } }
    // End of the methods CalibrationLoopsTest reads.
    // spotless:on
  }

  private static long plain(int n) {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += i;
    }
    return x;
  }
}
