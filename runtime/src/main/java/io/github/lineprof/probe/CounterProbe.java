package io.github.lineprof.probe;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.Spread;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link FunctionProbe} of one profiled function: its slots in each thread's counters and the
 * probes' code.
 *
 * <p>A record, so that the JIT trusts its final fields: the copy reaches it through a static final
 * constant of its line table, so every offset below is a constant of the compiled copy, not a value
 * loaded and then kept in the copy's frame (each frame of a deep recursion would pay for it). For
 * the same reason each fetch of the thread's array, at entry and at exit, proves that it holds
 * every slot of the function: the JIT then drops the bounds check (and the deoptimization point,
 * which keeps every live value of the frame) of each constant index the probes write.
 *
 * <p>Counters are per thread (no contention, no allocation on the hot path) and are summed when a
 * snapshot is taken, so no hit is lost.
 *
 * <p>Each nanosecond is charged once: at any instant only the innermost invocation of the function
 * on a thread (and the nested frames deeper than it) is charged, so a recursive call's line leaves
 * out the inner invocation's time, which is on the inner invocation's own lines; nested lines are
 * charged too, but stay included in their calling line. The top-level lines then add up to the wall
 * time of the outermost invocations.
 *
 * <p>{@link ProbeMode#EXACT}: the thread's slot {@code innermost} holds {@code charged}, the
 * nanoseconds the function's top-level lines have been charged on this thread so far, on the
 * thread's probe-free clock ({@code System.nanoTime()} less the thread's debt, the calibrated time
 * all probes of the thread have spent so far: each event books its own cost as it runs). A
 * top-level frame's {@code long} is its mark, {@code now - charged} at entry; an event charges the
 * line that ran {@code now - mark - charged} and sets {@code charged = now - mark}. Whatever an
 * inner invocation charged meanwhile is thereby left out, and the mark never changes. A nested
 * frame charges its line the same way from a mark it resets at each event, but leaves {@code
 * charged} as it is, so its calling line keeps its time.
 *
 * <p>{@link ProbeMode#SAMPLED}: no clock read. The top-level frames publish in {@code innermost}
 * their line and how many invocations of the function the thread is in (its depth); nested frames
 * publish in {@code nested} theirs, stamped with that depth. The {@link Sampler} charges its
 * interval to the published line, and to the nested line when its stamp is the current depth (a
 * nested frame deeper than the innermost invocation). A frame's {@code long} keeps what its slot
 * held when it entered, which its exit restores.
 *
 * <p>Layout in the thread's array, from {@code base}: {@code 2 * i} hits and {@code 2 * i + 1}
 * nanoseconds of line {@code firstLine + i}; then the slot of line {@link #entry()}, after the last
 * line, where an invocation starts, never reported; then {@code innermost} and {@code nested}. Line
 * {@code n}'s hits are at {@code origin + 2 * n}, with {@code origin = base - 2 * firstLine}
 * computed once, so numbering lines as the file does costs the probes nothing. In sampled mode,
 * then the samples each slot was charged and the sum of their squared times; with {@link
 * ProbeMode#spread()}, then {@link Spread#BUCKETS} counts per slot: the histogram of each hit's
 * time, the entry slot's included (never reported).
 *
 * @param info what the report shows of the function
 * @param base the function's first slot
 * @param origin {@code base - 2 * firstLine}: where line 0's hits would be
 * @param slots the function's lines and its entry slot
 * @param innermost exact: the nanoseconds charged to top-level lines; sampled: the innermost
 *     invocation's line
 * @param nested sampled: the innermost nested frame's line, stamped with the depth it runs at
 * @param sampleOrigin sampled: where line 0's sample count would be
 * @param spreadOrigin where line 0's histogram would be, as {@code origin} for the hits
 * @param end one past the function's last slot
 * @param eventCost what an event books as debt, in the debt's fixed point; 0 in sampled mode
 * @param callCost what a call books as debt
 */
record CounterProbe(
    FunctionInfo info,
    int base,
    int origin,
    int slots,
    int innermost,
    int nested,
    int sampleOrigin,
    int spreadOrigin,
    int end,
    long eventCost,
    long callCost)
    implements FunctionProbe {
  static final boolean SAMPLED = ProbeMode.current() == ProbeMode.SAMPLED;
  private static final boolean SPREAD = ProbeMode.spread();
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);

  /** Debt is kept in 1/1024 ns, so fractional probe costs add up right. */
  static final int DEBT_SHIFT = 10;

  /** Sampled mode: the published line is the low half of a slot, the depth its high half. */
  private static final long LINE_BITS = 0xFFFF_FFFFL;

  /** The probe of {@code info} with its slots reserved in every thread's counters. */
  static CounterProbe of(FunctionInfo info, long eventCost, long callCost) {
    int slots = info.lines().size() + 1;
    int sampleCounts = SAMPLED ? 2 * slots : 0;
    int histograms = SPREAD ? Spread.BUCKETS * slots : 0;
    int base = ThreadCounters.reserve(2 * slots + 2 + sampleCounts + histograms);
    int innermost = base + 2 * slots;
    int nested = innermost + 1;
    return new CounterProbe(
        info,
        base,
        base - 2 * info.firstLine(),
        slots,
        innermost,
        nested,
        nested + 1 - info.firstLine(),
        nested + 1 + sampleCounts - Spread.BUCKETS * info.firstLine(),
        nested + 1 + sampleCounts + histograms,
        eventCost,
        callCost);
  }

  /** The line an invocation starts from: the line table's entry constant of this function. */
  @Override
  public int entry() {
    return ProbeProtocol.entryLine(info.firstLine(), slots - 1);
  }

  /** This thread's counters; called once per invocation. */
  @Override
  public long[] counters() {
    return inBounds(ThreadCounters.current(end));
  }

  /** At an invocation's exit: the counters its entry got, fetched again. */
  private long[] countersAgain() {
    return inBounds(ThreadCounters.again(end));
  }

  /** Proves every slot of the function in bounds, as the class comment says. */
  private long[] inBounds(long[] c) {
    Objects.checkIndex(end - 1, c.length);
    return c;
  }

  /** An invocation starts: its mark (exact), or what the thread showed before (sampled). */
  @Override
  public long enter(long[] c) {
    if (SAMPLED) {
      long caller = c[innermost];
      ELEMENT.setOpaque(c, innermost, depthBits(caller));
      return caller;
    }
    return clock(c) - c[innermost];
  }

  /**
   * Line event: the line {@code from} has run; the line {@code to} starts now (source line
   * numbers).
   */
  @Override
  public long line(long[] c, int from, int to, long state) {
    c[origin + 2 * to]++;
    if (SAMPLED) {
      // Opaque: the JIT must not drop or merge the store the sampler thread reads.
      ELEMENT.setOpaque(c, innermost, depthBits(state) | to);
      return state;
    }
    charge(c, from, state, eventCost);
    return state;
  }

  /** The invocation ends, normally or by exception, after line {@code from}. */
  @Override
  public void exit(int from, long state) {
    long[] c = countersAgain();
    if (SAMPLED) {
      ELEMENT.setOpaque(c, innermost, state); // the caller's line and depth again
      return;
    }
    charge(c, from, state, callCost);
  }

  /** A nested frame starts: its mark (exact), or the nested line shown before (sampled). */
  @Override
  public long enterNested(long[] c) {
    if (SAMPLED) {
      return c[nested];
    }
    return clock(c) - c[innermost];
  }

  /** Line event of a nested frame: charges {@code from}, leaves the calling line its time. */
  @Override
  public long lineNested(long[] c, int from, int to, long state) {
    c[origin + 2 * to]++;
    if (SAMPLED) {
      ELEMENT.setOpaque(c, nested, (c[innermost] & ~LINE_BITS) | to);
      return state;
    }
    return chargeNested(c, from, state, eventCost);
  }

  /** A nested frame ends, normally or by exception, after line {@code from}. */
  @Override
  public void exitNested(int from, long state) {
    long[] c = countersAgain();
    if (SAMPLED) {
      ELEMENT.setOpaque(c, nested, state);
      return;
    }
    chargeNested(c, from, state, callCost);
  }

  /** Sampled: the depth of an invocation whose caller showed {@code caller}, in place. */
  private static long depthBits(long caller) {
    return (caller & ~LINE_BITS) + (1L << 32);
  }

  /** Exact mode: the probe-free clock now, then books {@code cost} as debt. */
  private static long clock(long[] c, long cost) {
    long now = System.nanoTime() - (c[ThreadCounters.DEBT] >> DEBT_SHIFT);
    c[ThreadCounters.DEBT] += cost;
    return now;
  }

  private static long clock(long[] c) {
    return clock(c, 0);
  }

  /** Exact mode, top-level frame of mark {@code mark}: charges line {@code from} until now. */
  private void charge(long[] c, int from, long mark, long cost) {
    long charged = clock(c, cost) - mark;
    record(c, from, charged - c[innermost]);
    c[innermost] = charged;
  }

  /** Exact mode, nested frame: charges line {@code from} since {@code mark}; the next mark. */
  private long chargeNested(long[] c, int from, long mark, long cost) {
    long now = clock(c, cost) - c[innermost];
    record(c, from, now - mark);
    return now;
  }

  private void record(long[] c, int line, long nanos) {
    c[origin + 2 * line + 1] += nanos;
    if (SPREAD) {
      c[spreadOrigin + Spread.BUCKETS * line + Spread.bucket(nanos)]++;
    }
  }

  /** The sums over all threads' counters at this moment; see {@link ProbeRegistry#snapshot()}. */
  FunctionStats snapshot() {
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
    int first = info.firstLine();
    if (SAMPLED) {
      long[] samples = new long[n];
      for (int i = 0; i < n; i++) {
        samples[i] =
            effectiveSamples(sum[sampleOrigin + first + i], nanos[i], sum[squares(first + i)]);
      }
      stats = stats.withSamples(samples);
    }
    if (SPREAD) {
      int from = spreadOrigin + Spread.BUCKETS * first;
      stats = stats.withSpread(Arrays.copyOfRange(sum, from, from + Spread.BUCKETS * n));
    }
    return stats;
  }

  /**
   * Sampler: charges {@code nanos} and one sample to the line the thread owning {@code c} is
   * running now in this function's innermost invocation, and to the line of its nested frame deeper
   * than that, if any; the sampler is the only writer of the time slots in sampled mode.
   *
   * @return whether the thread was running this function
   */
  boolean charge(long[] c, long nanos) {
    if (c.length < end) {
      return false;
    }
    long top = (long) ELEMENT.getOpaque(c, innermost);
    long inner = (long) ELEMENT.getOpaque(c, nested);
    boolean charged = sample(c, (int) top, nanos);
    if ((inner & ~LINE_BITS) == (top & ~LINE_BITS)) {
      charged |= sample(c, (int) inner, nanos);
    }
    return charged;
  }

  private boolean sample(long[] c, int line, long nanos) {
    if (line == 0) {
      return false;
    }
    c[origin + 2 * line + 1] += nanos;
    c[sampleOrigin + line]++;
    long micros = Math.min(nanos / 1_000, MAX_SQUARED_MICROS);
    c[squares(line)] += micros * micros;
    return true;
  }

  /** Where line {@code line}'s sum of squared sample times (in square microseconds) is. */
  private int squares(int line) {
    return sampleOrigin + slots + line;
  }

  /**
   * A sample charges the time since the sampler last woke, which is its interval only while the
   * sampler keeps pace: on a busy machine it wakes late, and one sample carries milliseconds. A
   * line's time then varies from run to run as its few heavy samples fall, not as its count
   * suggests, so the report keeps the count a line's time is worth: Kish's effective sample size,
   * (sum of times)^2 / (sum of squared times), which equals the count when every sample charged the
   * same. Lines shorter than a microsecond per sample keep their count.
   */
  static long effectiveSamples(long count, long nanos, long squaredMicros) {
    if (squaredMicros == 0) {
      return count;
    }
    double micros = nanos / 1e3;
    return Math.max(1, Math.min(count, Math.round(micros * micros / squaredMicros)));
  }

  /** A sample's time counts in its square as at most one second, so the sums cannot overflow. */
  private static final long MAX_SQUARED_MICROS = 1_000_000;
}
