package io.github.lineprof.probe;

import io.github.lineprof.stats.FunctionInfo;
import io.github.lineprof.stats.FunctionStats;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The probes of one profiled function, called from its instrumented copy.
 *
 * <p>An invocation fetches its thread's counters once ({@link #counters()}) and keeps its own state in
 * two locals of the copy: the index of the line now running and the time it started. Each line event
 * ({@link #line}) charges the elapsed time to the line that ran and counts a hit for the line that
 * starts; {@link #exit} charges the last line when the method returns or throws. So a line's time runs
 * from its start to the next line event of the same invocation, callees included, and recursion is
 * inclusive per frame. Counters are per thread (no contention, no allocation on the hot path) and are
 * summed when a snapshot is taken, so no hit is lost.
 *
 * <p>Counter layout: {@code c[2 * i]} hits and {@code c[2 * i + 1]} nanoseconds of line
 * {@code firstLine + i}; the slot after the last line, {@link #entry()}, is where an invocation
 * starts and is never reported.
 */
public final class FunctionProbe {
  private final FunctionInfo info;
  private final int slots;
  private final Queue<long[]> allThreads = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<long[]> thisThread = ThreadLocal.withInitial(this::newCounters);

  private FunctionProbe(FunctionInfo info) {
    this.info = info;
    this.slots = info.lines().size() + 1;
  }

  /**
   * Called once per function by the generated line table of its source file.
   *
   * @param text the function's lines joined by '\n', in chunks that fit a class file constant
   */
  public static FunctionProbe register(String file, String name, int firstLine, String... text) {
    List<String> lines = List.of(String.join("", text).split("\n", -1));
    FunctionProbe probe = new FunctionProbe(new FunctionInfo(file, name, firstLine, lines));
    ProbeRegistry.add(probe);
    return probe;
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

  /** Line event: the line {@code from} ran since {@code since}; the line {@code to} starts now. */
  public long line(long[] c, int from, int to, long since) {
    long now = System.nanoTime();
    c[2 * from + 1] += now - since;
    c[2 * to]++;
    return now;
  }

  /** Method exit, normal or by exception: the line {@code from} ran since {@code since}. */
  public void exit(long[] c, int from, long since) {
    c[2 * from + 1] += System.nanoTime() - since;
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

  private long[] newCounters() {
    long[] c = new long[2 * slots];
    allThreads.add(c);
    return c;
  }
}
