package io.github.lineprof.probe;

import io.github.lineprof.stats.FunctionInfo;
import io.github.lineprof.stats.FunctionStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The probes of one profiled function, called from its instrumented copy.
 *
 * <p>An invocation fetches its thread's counters once ({@link #counters()}) and keeps its own state in
 * two locals of the copy: the index of the line now running and a {@code long} the probes own. Each
 * line event ({@link #line}) counts a hit for the line that starts; {@link #exit} ends the invocation,
 * normally or by exception. Counters are per thread (no contention, no allocation on the hot path)
 * and are summed when a snapshot is taken, so no hit is lost.
 *
 * <p>{@link ProbeMode#EXACT}: the {@code long} is the time the current line started; each event
 * charges the elapsed time to the line that ran, so a line's time runs from its start to the next line
 * event of the same invocation, callees included, and recursion is inclusive per frame.
 *
 * <p>{@link ProbeMode#SAMPLED}: no clock read. Each event publishes the current line in the counters
 * ({@link #current}), which the {@link Sampler} reads to charge its interval; the {@code long} keeps
 * what the slot held before this invocation, so an invocation restores its caller's line on exit.
 *
 * <p>Counter layout: {@code c[2 * i]} hits and {@code c[2 * i + 1]} nanoseconds of line
 * {@code firstLine + i}; slot {@link #entry()}, after the last line, is where an invocation starts
 * and is never reported; the last element is the current line plus one (0: not running).
 */
public final class FunctionProbe {
  private static final boolean SAMPLED = ProbeMode.current() == ProbeMode.SAMPLED;
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(long[].class);
  /** Marks the saved slot value in the invocation's {@code long}, which starts at 0. */
  private static final long SAVED = 1L << 62;

  private final FunctionInfo info;
  private final int slots;
  private final int current;
  private final Queue<long[]> allThreads = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<long[]> thisThread = ThreadLocal.withInitial(this::newCounters);

  private FunctionProbe(FunctionInfo info) {
    this.info = info;
    this.slots = info.lines().size() + 1;
    this.current = 2 * slots;
  }

  /**
   * Called once per function by the generated line table of its source file.
   *
   * @param text the function's lines joined by '\n', in chunks that fit a class file constant
   */
  public static FunctionProbe register(String file, String name, int firstLine, String... text) {
    List<String> lines = List.of(String.join("", text).split("\n", -1));
    FunctionProbe probe = unregistered(file, name, firstLine, lines);
    ProbeRegistry.add(probe);
    if (SAMPLED) {
      Sampler.start();
    }
    return probe;
  }

  /** A probe no report shows, e.g. for calibration. */
  static FunctionProbe unregistered(String file, String name, int firstLine, List<String> lines) {
    return new FunctionProbe(new FunctionInfo(file, name, firstLine, lines));
  }

  public FunctionInfo info() {
    return info;
  }

  /** The line index an invocation starts from. */
  public int entry() {
    return slots - 1;
  }

  /** This thread's counters; called once per invocation. */
  public long[] counters() {
    return thisThread.get();
  }

  /** Line event: the line {@code from} has run; the line {@code to} starts now. */
  public long line(long[] c, int from, int to, long state) {
    c[2 * to]++;
    if (SAMPLED) {
      if (state == 0) {
        state = SAVED | c[current];
      }
      // Opaque: the JIT must not drop or merge the store the sampler thread reads.
      ELEMENT.setOpaque(c, current, (long) to + 1);
      return state;
    }
    long now = System.nanoTime();
    c[2 * from + 1] += now - state;
    return now;
  }

  /** Method exit, normal or by exception, after line {@code from}. */
  public void exit(long[] c, int from, long state) {
    if (SAMPLED) {
      if (state != 0) {
        ELEMENT.setOpaque(c, current, state & ~SAVED);
      }
      return;
    }
    c[2 * from + 1] += System.nanoTime() - state;
  }

  /** The sums over all threads' counters at this moment. */
  public FunctionStats snapshot() {
    int n = slots - 1;
    long[] hits = new long[n];
    long[] nanos = new long[n];
    for (long[] c : allThreads) {
      for (int i = 0; i < n; i++) {
        hits[i] += c[2 * i];
        nanos[i] += c[2 * i + 1];
      }
    }
    return new FunctionStats(info, hits, nanos);
  }

  /**
   * Sampler: charges {@code nanos} to the line each thread is running now in this function, if any;
   * the sampler is the only writer of the time slots in sampled mode.
   *
   * @return how many threads were running this function
   */
  int charge(long nanos) {
    int charged = 0;
    for (long[] c : allThreads) {
      int running = (int) (long) ELEMENT.getOpaque(c, current) - 1;
      if (running >= 0) {
        c[2 * running + 1] += nanos;
        charged++;
      }
    }
    return charged;
  }

  private long[] newCounters() {
    long[] c = new long[2 * slots + 1];
    allThreads.add(c);
    return c;
  }
}
