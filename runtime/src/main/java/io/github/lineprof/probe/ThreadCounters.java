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
 * <p>A function registered after a thread's array was made needs a larger array. A frame writes the
 * array its entry fetched and fetches it again at its exit (a frame that keeps no array across a
 * call is smaller, so a deep recursion goes deeper), so a function's array must not change while a
 * frame of it may run: each function takes the oldest of the thread's arrays that holds it. With a
 * frame of a swapped class on the stack, a larger array is added after the others; with none, the
 * arrays are merged into one (at a growth, and every {@link #MERGE_EVERY} calls that find an added
 * array), which the thread's functions share from then on.
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

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /** How many calls find an added array between two tries to merge the thread's arrays. */
  static final int MERGE_EVERY = 1024;

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

  /** For a frame's entry: this thread's oldest array holding at least {@code end} elements. */
  static long[] current(int end) {
    long[] c = ARRAY.get();
    return c.length < end ? OWN.get().holding(end) : c;
  }

  /** For a frame's exit: the array its entry found, as no array changes while frames run. */
  static long[] again(int end) {
    long[] c = ARRAY.get();
    return c.length < end ? OWN.get().oldest(end) : c;
  }

  /** Records that {@code binaryName}'s instrumented copy runs: its frames may hold counters. */
  static void swapped(String binaryName) {
    SWAPPED.add(binaryName);
  }

  /** Every array of every live thread: for the sampler. */
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
  private static boolean framesMayUseCounters() {
    return WALKER.walk(
        frames ->
            frames
                .dropWhile(
                    f ->
                        f.getDeclaringClass() == ThreadCounters.class
                            || f.getDeclaringClass() == Counters.class
                            || f.getDeclaringClass() == CounterProbe.class)
                .skip(1) // the frame asking: it has no counters yet
                .anyMatch(f -> SWAPPED.contains(f.getClassName())));
  }

  /** One thread's arrays; a weak reference to the thread, queued once it is collected. */
  private static final class Counters extends WeakReference<Thread> {
    /**
     * Oldest first, each longer than the one before; the first is the thread's {@link #ARRAY}.
     * Replaced, never changed, by the owner thread under this object's lock; read by others under
     * it.
     */
    private long[][] arrays;

    /** Owner thread: calls that found an added array since the last try to merge. */
    private int sinceMerge;

    Counters(Thread thread, long[] array) {
      super(thread, COLLECTED);
      this.arrays = new long[][] {array};
    }

    /** Ended: collected, or no longer alive (which also makes its last writes visible here). */
    boolean ended() {
      Thread thread = get();
      return thread == null || !thread.isAlive();
    }

    synchronized void addArraysTo(List<long[]> list) {
      if (arrays != null) {
        list.addAll(Arrays.asList(arrays));
      }
    }

    synchronized void release() {
      arrays = null;
    }

    /** Owner thread, a frame's entry: the oldest array holding {@code end}, made if none does. */
    long[] holding(int end) {
      long[] c = oldest(end);
      boolean tryMerge = arrays.length > 1 && ++sinceMerge >= MERGE_EVERY;
      if (c != null && !tryMerge) {
        return c;
      }
      sinceMerge = 0;
      // one stack walk: merge when no frame may use an array, else keep them (adding one if needed)
      return !framesMayUseCounters() ? merged(end) : c != null ? c : added();
    }

    /** Owner thread: the oldest array holding {@code end} elements; null if none does. */
    long[] oldest(int end) {
      for (long[] c : arrays) {
        if (c.length >= end) {
          return c;
        }
      }
      return null;
    }

    /** Owner thread, frames running: a new, larger array after the others. */
    private long[] added() {
      long[][] own = arrays;
      long[] last = own[own.length - 1];
      long[] next = new long[Math.max(reserved(), 2 * last.length)];
      next[DEBT] = last[DEBT];
      long[][] grown = Arrays.copyOf(own, own.length + 1);
      grown[own.length] = next;
      synchronized (this) {
        arrays = grown;
      }
      return next;
    }

    /** Owner thread, no frame running: one array with the others' counts, now the thread's. */
    private long[] merged(int end) {
      long[][] own = arrays;
      long[] last = own[own.length - 1];
      long[] next =
          Arrays.copyOf(last, Math.max(reserved(), last.length < end ? 2 * last.length : 0));
      for (int i = 0; i < own.length - 1; i++) {
        add(next, own[i]);
      }
      synchronized (this) {
        arrays = new long[][] {next};
      }
      ARRAY.set(next);
      return next;
    }
  }

  private static int reserved() {
    synchronized (LOCK) {
      return reserved;
    }
  }
}
