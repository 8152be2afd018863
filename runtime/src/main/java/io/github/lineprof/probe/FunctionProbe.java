package io.github.lineprof.probe;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.Spread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;

/**
 * The probes of one profiled function, called from its instrumented copy.
 *
 * <p>The copy calls these methods as {@link ProbeProtocol} says. An invocation fetches its thread's
 * counters once ({@link #counters()}) and keeps its own state in two locals of the copy: the number
 * of the line now running (the source file's own numbering) and a {@code long} the probes own. Each
 * line event ({@link #line}) counts a hit for the line that starts; {@link #exit} ends the
 * invocation, normally or by exception. Counters are per thread (no contention, no allocation on
 * the hot path) and are summed when a snapshot is taken, so no hit is lost.
 *
 * <p>{@link ProbeMode#EXACT}: the {@code long} is the time the current line started, on the
 * thread's probe-free clock: {@code System.nanoTime()} less the thread's debt, the calibrated time
 * all probes of the thread have spent so far (each event books its own cost as it runs). Each event
 * charges the line that ran the probe-free time since it started, so a line's time runs from its
 * start to the next line event of the same invocation, callees included but not the probes' own
 * time, theirs or its callees'. Recursion is inclusive per frame.
 *
 * <p>{@link ProbeMode#SAMPLED}: no clock read. Each event publishes the current line in the
 * counters, which the {@link Sampler} reads to charge its interval (0: none); the {@code long}
 * keeps what the slot held when this invocation entered ({@link #enter}), so an invocation restores
 * its caller's line on exit.
 *
 * <p>Layout in the thread's array, from {@code base}: {@code 2 * i} hits and {@code 2 * i + 1}
 * nanoseconds of line {@code firstLine + i}; then the slot of line {@link #entry()}, after the last
 * line, where an invocation starts, never reported; then the current line (0: not running). Line
 * {@code n}'s hits are at {@code origin + 2 * n}, with {@code origin = base - 2 * firstLine}
 * computed once, so numbering lines as the file does costs the probes nothing. With {@link
 * ProbeMode#spread()}, then {@link Spread#BUCKETS} counts per slot: the histogram of each hit's
 * time, the entry slot's included (written by an invocation's first event, never reported).
 */
public final class FunctionProbe {
  private static final boolean SAMPLED = ProbeMode.current() == ProbeMode.SAMPLED;
  private static final boolean SPREAD = ProbeMode.spread();
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

  /** Debt is kept in 1/1024 ns, so fractional probe costs add up right. */
  static final int DEBT_SHIFT = 10;

  private final FunctionInfo info;
  private final int base;

  /** {@code base - 2 * firstLine}: where line 0's hits would be. */
  private final int origin;

  private final int slots;
  private final int current;
  private final int end;

  /** Where line 0's histogram would be, as {@link #origin} for the hits. */
  private final int spreadOrigin;

  /** What an event and a call book as debt, in the debt's fixed point; 0 in sampled mode. */
  private final long eventCost;

  private final long callCost;

  FunctionProbe(FunctionInfo info, long eventCost, long callCost) {
    this.info = info;
    this.slots = info.lines().size() + 1;
    this.base = ThreadCounters.reserve(2 * slots + 1 + (SPREAD ? Spread.BUCKETS * slots : 0));
    this.origin = base - 2 * info.firstLine();
    this.current = base + 2 * slots;
    this.spreadOrigin = current + 1 - Spread.BUCKETS * info.firstLine();
    this.end = current + 1 + (SPREAD ? Spread.BUCKETS * slots : 0);
    this.eventCost = eventCost;
    this.callCost = callCost;
  }

  /**
   * Called once per function by the generated line table of its source file.
   *
   * @param nesting the depth of each nested line, see {@link ProbeProtocol#nesting}
   * @param text the function's lines joined by '\n', in chunks that fit a class file constant
   */
  public static FunctionProbe register(
      String file, String name, int firstLine, String nesting, String... text) {
    List<String> lines = List.of(String.join("", text).split("\n", -1));
    List<Integer> depths =
        Arrays.stream(ProbeProtocol.depths(firstLine, lines.size(), nesting)).boxed().toList();
    FunctionProbe probe =
        new FunctionProbe(
            new FunctionInfo(file, name, firstLine, lines, depths),
            Calibration.eventDebt(),
            Calibration.callDebt());
    ProbeRegistry.add(probe);
    if (SAMPLED) {
      Sampler.start();
    }
    return probe;
  }

  public FunctionInfo info() {
    return info;
  }

  /** The line an invocation starts from: the line table's entry constant of this function. */
  public int entry() {
    return ProbeProtocol.entryLine(info.firstLine(), slots - 1);
  }

  /** This thread's counters; called once per invocation. */
  public long[] counters() {
    return ThreadCounters.current(end);
  }

  /**
   * The invocation's initial state: in sampled mode, the line its caller shows in this function.
   */
  public long enter(long[] c) {
    return SAMPLED ? c[current] : 0L;
  }

  /**
   * Line event: the line {@code from} has run; the line {@code to} starts now (source line
   * numbers).
   */
  public long line(long[] c, int from, int to, long state) {
    c[origin + 2 * to]++;
    if (SAMPLED) {
      // Opaque: the JIT must not drop or merge the store the sampler thread reads.
      ELEMENT.setOpaque(c, current, (long) to);
      return state;
    }
    return charge(c, from, state, eventCost);
  }

  /** Method exit, normal or by exception, after line {@code from}. */
  public void exit(long[] c, int from, long state) {
    if (SAMPLED) {
      ELEMENT.setOpaque(c, current, state); // the caller's line again, for recursion
      return;
    }
    charge(c, from, state, callCost);
  }

  /** Exact mode: charges line {@code from} since {@code since}, books {@code cost} as debt. */
  private long charge(long[] c, int from, long since, long cost) {
    long now = System.nanoTime() - (c[ThreadCounters.DEBT] >> DEBT_SHIFT);
    c[ThreadCounters.DEBT] += cost;
    long nanos = now - since;
    c[origin + 2 * from + 1] += nanos;
    if (SPREAD) {
      c[spreadOrigin + Spread.BUCKETS * from + Spread.bucket(nanos)]++;
    }
    return now;
  }

  /** The sums over all threads' counters at this moment; see {@link ProbeRegistry#snapshot()}. */
  public FunctionStats snapshot() {
    return stats(ThreadCounters.sum());
  }

  /** This function's statistics in {@code sum}, the summed counters of every thread. */
  FunctionStats stats(long[] sum) {
    int n = slots - 1;
    long[] hits = new long[n];
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      hits[i] = sum[base + 2 * i];
      nanos[i] = sum[base + 2 * i + 1];
    }
    FunctionStats stats = new FunctionStats(info, hits, nanos);
    if (!SPREAD) {
      return stats;
    }
    int from = current + 1;
    return stats.withSpread(Arrays.copyOfRange(sum, from, from + Spread.BUCKETS * n));
  }

  /**
   * Sampler: charges {@code nanos} to the line the thread owning {@code c} is running now in this
   * function, if any; the sampler is the only writer of the time slots in sampled mode.
   *
   * @return whether the thread was running this function
   */
  boolean charge(long[] c, long nanos) {
    if (c.length < end) {
      return false;
    }
    int running = (int) (long) ELEMENT.getOpaque(c, current);
    if (running == 0) {
      return false;
    }
    c[origin + 2 * running + 1] += nanos;
    return true;
  }
}
