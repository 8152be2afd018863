package io.github.lineprof.probe;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each thread's counters: one {@code long[]} holding the slots of every profiled function at fixed
 * offsets, so a probe reaches its function's counters and the thread's shared state through the one
 * array its invocation fetched at entry. Element 0 is the thread's probe debt (see {@link
 * CounterProbe}).
 *
 * <p>Memory follows the live threads, not all threads ever run: a thread's counters are folded into
 * shared totals once the thread has ended and then released. An ended thread is found without any
 * cost on the probes' path: a weak reference to the thread, queued when the thread is collected,
 * drained when a thread makes its counters; and, for ended threads something still references,
 * {@code isAlive()} checked at every snapshot and whenever the number of threads with counters
 * doubles.
 *
 * <p>A function registered after a thread's array was made needs a larger array. Frames already
 * running keep writing the array they fetched at entry, so the old array is kept, and summed, only
 * while such frames may exist: when the thread grows with no frame of a swapped class on its stack,
 * the new array starts as a copy of the old ones, which are dropped.
 */
final class ThreadCounters {
  static final int DEBT = 0;

  private static final ThreadLocal<long[]> ARRAY =
      ThreadLocal.withInitial(ThreadCounters::register);
  private static final ThreadLocal<Counters> OWN = new ThreadLocal<>();

  /** Counters of threads not yet folded. */
  private static final Set<Counters> THREADS = ConcurrentHashMap.newKeySet();

  private static final ReferenceQueue<Thread> COLLECTED = new ReferenceQueue<>();

  /** Classes whose instrumented copy was swapped in: their frames may hold counters. */
  private static final Set<String> SWAPPED = ConcurrentHashMap.newKeySet();

  private static final StackWalker WALKER = StackWalker.getInstance();

  /** Guards {@link #totals}, {@link #reserved}, {@link #scanAt} and folding. */
  private static final Object LOCK = new Object();

  /** The sums of the ended threads' counters. */
  private static long[] totals = new long[0];

  private static int reserved = DEBT + 1;
  private static int scanAt = 64;

  private ThreadCounters() {}

  /** Reserves {@code size} elements in every thread's array; returns their offset. */
  static int reserve(int size) {
    synchronized (LOCK) {
      int base = reserved;
      reserved += size;
      return base;
    }
  }

  /** This thread's array, holding at least {@code end} elements. */
  static long[] current(int end) {
    long[] c = ARRAY.get();
    if (c.length < end) {
      c = OWN.get().grow();
      ARRAY.set(c);
    }
    return c;
  }

  /** Records that {@code binaryName}'s instrumented copy runs: its frames may hold counters. */
  static void swapped(String binaryName) {
    SWAPPED.add(binaryName);
  }

  /** Every live thread's arrays, outgrown ones still in use included: for the sampler. */
  static List<long[]> live() {
    List<long[]> arrays = new ArrayList<>();
    for (Counters counters : THREADS) {
      counters.addArraysTo(arrays);
    }
    return arrays;
  }

  /**
   * The sums of every thread's counters, ended ones included, in one pass: each live thread's
   * arrays are read one after the other, all functions at once. Ended threads are folded first.
   */
  static long[] sum() {
    synchronized (LOCK) {
      scan();
      long[] sum = Arrays.copyOf(totals, reserved);
      for (Counters counters : THREADS) {
        List<long[]> arrays = new ArrayList<>(2);
        counters.addArraysTo(arrays);
        for (long[] c : arrays) {
          add(sum, c.clone());
        }
      }
      return sum;
    }
  }

  /** How many arrays lineprof keeps and their bytes: the totals' and each live thread's. */
  static long[] footprint() {
    synchronized (LOCK) {
      List<long[]> arrays = live();
      long bytes = 8L * totals.length;
      for (long[] c : arrays) {
        bytes += 8L * c.length;
      }
      return new long[] {arrays.size() + 1, bytes};
    }
  }

  private static long[] register() {
    Thread thread = Thread.currentThread();
    foldCollected();
    long[] c;
    synchronized (LOCK) {
      c = new long[reserved];
      if (THREADS.size() >= scanAt) {
        scan();
      }
    }
    Counters counters = new Counters(thread, c);
    OWN.set(counters);
    THREADS.add(counters);
    return c;
  }

  private static void foldCollected() {
    Reference<? extends Thread> collected = COLLECTED.poll();
    if (collected != null) {
      synchronized (LOCK) {
        for (; collected != null; collected = COLLECTED.poll()) {
          fold((Counters) collected);
        }
      }
    }
  }

  /** Folds the threads that have ended; caller holds LOCK. */
  private static void scan() {
    for (Counters counters : THREADS) {
      if (counters.ended()) {
        fold(counters);
      }
    }
    scanAt = Math.max(64, 2 * THREADS.size());
  }

  /** Adds an ended thread's arrays to the totals and lets them go; caller holds LOCK. */
  private static void fold(Counters counters) {
    if (THREADS.remove(counters)) {
      List<long[]> arrays = new ArrayList<>(2);
      counters.addArraysTo(arrays);
      for (long[] c : arrays) {
        if (totals.length < c.length) {
          totals = Arrays.copyOf(totals, c.length);
        }
        add(totals, c);
      }
      counters.release();
    }
  }

  /** Adds the counters of {@code from} to {@code into}; the debt is per thread and never summed. */
  private static void add(long[] into, long[] from) {
    for (int i = DEBT + 1, n = Math.min(into.length, from.length); i < n; i++) {
      into[i] += from[i];
    }
  }

  /** Whether a frame below the one asking for counters belongs to a swapped class. */
  private static boolean framesMayHoldCounters() {
    return WALKER.walk(
        frames ->
            frames
                .dropWhile(
                    f ->
                        f.getClassName().startsWith(ThreadCounters.class.getName())
                            || f.getClassName().equals(CounterProbe.class.getName()))
                .skip(1) // the frame asking: it has no counters yet
                .anyMatch(f -> SWAPPED.contains(f.getClassName())));
  }

  /** One thread's arrays; a weak reference to the thread, queued once it is collected. */
  private static final class Counters extends WeakReference<Thread> {
    /** Written by the owner thread only, under this object's lock; read by others under it. */
    private long[] array;

    /** Arrays outgrown while frames may still write them. */
    private List<long[]> outgrown = new ArrayList<>(0);

    Counters(Thread thread, long[] array) {
      super(thread, COLLECTED);
      this.array = array;
    }

    /** Ended: collected, or no longer alive (which also makes its last writes visible here). */
    boolean ended() {
      Thread thread = get();
      return thread == null || !thread.isAlive();
    }

    synchronized void addArraysTo(List<long[]> arrays) {
      if (array != null) {
        arrays.addAll(outgrown);
        arrays.add(array);
      }
    }

    synchronized void release() {
      array = null;
      outgrown = null;
    }

    /** Owner thread: an array for every function registered so far. */
    long[] grow() {
      boolean inUse = framesMayHoldCounters();
      int size;
      synchronized (LOCK) {
        size = reserved;
      }
      synchronized (this) {
        long[] old = array;
        long[] next = Arrays.copyOf(old, Math.max(size, 2 * old.length));
        if (inUse) {
          // Frames running on old keep writing it: keep it, summed, and start the new one empty.
          Arrays.fill(next, DEBT + 1, old.length, 0);
          outgrown.add(old);
        } else {
          for (long[] c : outgrown) {
            add(next, c);
          }
          outgrown.clear();
        }
        array = next;
        return next;
      }
    }
  }
}
