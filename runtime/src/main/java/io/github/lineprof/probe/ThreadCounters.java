package io.github.lineprof.probe;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Each thread's counters: one {@code long[]} holding the slots of every profiled function at fixed
 * offsets, so a probe reaches its function's counters and the thread's shared state through the one
 * array its invocation fetched at entry. Element 0 is the thread's probe debt (see
 * {@link FunctionProbe}). A function registered after a thread's array was made gets a larger array
 * for that thread; frames already running keep writing the old one, and snapshots sum all arrays, so
 * no hit is lost.
 */
final class ThreadCounters {
  static final int DEBT = 0;

  private static final Queue<long[]> ALL = new ConcurrentLinkedQueue<>();
  private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> allocate(null));
  private static int reserved = DEBT + 1;

  private ThreadCounters() {}

  /** Reserves {@code size} elements in every thread's array; returns their offset. */
  static synchronized int reserve(int size) {
    int base = reserved;
    reserved += size;
    return base;
  }

  /** This thread's array, holding at least {@code end} elements. */
  static long[] current(int end) {
    long[] c = THREAD.get();
    if (c.length < end) {
      c = allocate(c);
      THREAD.set(c);
    }
    return c;
  }

  /** Every thread's arrays, old ones included. */
  static Iterable<long[]> all() {
    return ALL;
  }

  private static long[] allocate(long[] old) {
    int size;
    synchronized (ThreadCounters.class) {
      size = reserved;
    }
    long[] c = new long[Math.max(size, old == null ? 0 : 2 * old.length)];
    if (old != null) {
      c[DEBT] = old[DEBT]; // keep this thread's probe-free clock continuous
    }
    ALL.add(c);
    return c;
  }
}
