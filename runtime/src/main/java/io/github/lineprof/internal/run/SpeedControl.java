package io.github.lineprof.internal.run;

/**
 * A fixed piece of work a recording's JVM times in short rounds interleaved with what it records:
 * how fast the machine ran that recording's code. A function's time in one run, divided by the
 * control's, no longer moves with what slows every thread of the machine alike (other processes'
 * load, a frequency step), so {@code lineprof check} can tell a slower function from a slower
 * machine. Rounds run between the scenario's invocations for {@value #SHARE_PERCENT} % of their
 * time, so the control sees the load the scenario saw, over the same seconds; timed only before and
 * after, a quarter of a second each, it missed most of it (its time moved by a factor 2.6 between
 * runs whose scenario moved by 1.4).
 *
 * <p>The work mixes arithmetic, branches and accesses to a small table, as ordinary code does; its
 * result is written to a volatile field so the JIT keeps it. Rounds are timed by the wall clock, as
 * the scenario is: time the thread waits for a core counts in both.
 */
public final class SpeedControl {
  static final int SHARE_PERCENT = 5;

  /** Steps of one round: a few microseconds, so rounds interleave finely with short scenarios. */
  private static final int ROUND = 1_000;

  private static final long WARMUP_NANOS = 100_000_000L;

  private static final int[] TABLE = new int[4096];

  @SuppressWarnings("UnusedVariable") // written, never read: the JIT cannot drop the work
  private static volatile long sink;

  private long x = 0x9E3779B97F4A7C15L;
  private long rounds;
  private long nanos;

  private SpeedControl() {}

  /** A control whose rounds are compiled (run untimed for a tenth of a second), none timed yet. */
  public static SpeedControl warmedUp() {
    SpeedControl control = new SpeedControl();
    long end = System.nanoTime() + WARMUP_NANOS;
    do {
      control.x = round(control.x);
    } while (System.nanoTime() < end);
    return control;
  }

  /** Runs timed rounds until they have taken their share of {@code scenarioNanos}. */
  public void keepUpWith(long scenarioNanos) {
    while (nanos * 100 < scenarioNanos * SHARE_PERCENT) {
      timeOneRound();
    }
  }

  /** Runs timed rounds for {@code wallNanos}, where they cannot interleave (a JMH iteration). */
  public void runFor(long wallNanos) {
    long end = System.nanoTime() + wallNanos;
    do {
      timeOneRound();
    } while (System.nanoTime() < end);
  }

  /** The mean wall-clock nanoseconds of the rounds timed so far; 0 when none was. */
  public long nanosPerRound() {
    sink = x;
    return rounds == 0 ? 0 : Math.max(1, Math.round(nanos / (double) rounds));
  }

  private void timeOneRound() {
    long start = System.nanoTime();
    x = round(x);
    nanos += System.nanoTime() - start;
    rounds++;
  }

  private static long round(long seed) {
    long x = seed;
    for (int i = 0; i < ROUND; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      int slot = (int) x & (TABLE.length - 1);
      TABLE[slot] += (x & 1) == 0 ? i : -i;
      x += TABLE[(slot + 1) & (TABLE.length - 1)];
    }
    return x;
  }
}
