package io.github.lineprof.internal.time;

/**
 * Code of known line costs for the time tests. The comments name the lines {@link SourceLines}
 * finds: {@code begin:} and {@code end:} bound a function, the others mark one line.
 */
final class TimeWorkloads {
  static long sink;
  static byte[] allocated;

  /**
   * Each line's wall-clock time as measured by the workload itself, the truth the tests compare to.
   */
  static long sleep20Nanos;

  static long sleep5Nanos;
  static long spin10Nanos;
  static long sleep10Nanos;
  static long spin3Nanos;
  static long spin1Nanos;

  private TimeWorkloads() {}

  static void sleeps() throws InterruptedException { // begin:sleeps
    long start = System.nanoTime();
    Thread.sleep(20); // sleep20
    long middle = System.nanoTime();
    Thread.sleep(5); // sleep5
    sleep20Nanos += middle - start;
    sleep5Nanos += System.nanoTime() - middle;
  } // end:sleeps

  static void spins(int rounds) { // begin:spins
    long start = System.nanoTime();
    long a = chain(3 * rounds, 1); // spin3
    long middle = System.nanoTime();
    long b = chain(rounds, 2); // spin1
    spin3Nanos += middle - start;
    spin1Nanos += System.nanoTime() - middle;
    sink += a ^ b;
  } // end:spins

  static void recurse(int depth) throws InterruptedException { // begin:recurse
    if (depth == 0) {
      Thread.sleep(2); // leaf
      return;
    }
    recurse(depth - 1); // recursive-call
  } // end:recurse

  static void nested() { // begin:nested
    Runnable lambda = () -> sleepQuietly(4); // lambda-body
    lambda.run(); // lambda-call
    new Runnable() {
      @Override
      public void run() {
        sleepQuietly(3); // anonymous-body
      }
    }.run(); // anonymous-call
    class Local {
      void run() {
        sleepQuietly(2); // local-body
      }
    }
    new Local().run(); // local-call
  } // end:nested

  static void spinsAndSleeps() throws InterruptedException { // begin:spinsAndSleeps
    long start = System.nanoTime();
    spinFor(10_000_000L); // spin10
    long middle = System.nanoTime();
    Thread.sleep(10); // sleep10
    spin10Nanos += middle - start;
    sleep10Nanos += System.nanoTime() - middle;
  } // end:spinsAndSleeps

  static void allocates(int bytes) { // begin:allocates
    allocated = new byte[bytes]; // new-bytes
    sink += chain(100, sink); // no-allocation
  } // end:allocates

  /** Each line of {@link #waits}: spinning, sleeping, reading a file, parking. */
  static final long[] waitNanos = new long[4];

  static void waits(String file) throws Exception { // begin:waits
    long t0 = System.nanoTime();
    spinFor(8_000_000L); // wait-spin
    long t1 = System.nanoTime();
    Thread.sleep(20); // wait-sleep
    long t2 = System.nanoTime();
    sink += java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file)).length; // wait-read
    long t3 = System.nanoTime();
    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // wait-park
    long t4 = System.nanoTime();
    waitNanos[0] += t1 - t0;
    waitNanos[1] += t2 - t1;
    waitNanos[2] += t3 - t2;
    waitNanos[3] += t4 - t3;
  } // end:waits

  /** Microseconds a call, in three lines of 1, 2 and 4 units of work. */
  static long accuracy(long seed) { // begin:accuracy
    long a = chain(2_000, seed); // chain1
    long b = chain(4_000, a); // chain2
    long c = chain(8_000, b); // chain4
    return a + b + c;
  } // end:accuracy

  /**
   * A dependent multiply-add chain: each round waits for the last, so its time is linear in rounds.
   */
  static long chain(int rounds, long seed) {
    long x = seed;
    for (int i = 0; i < rounds; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }

  /** Runs Java code (not sleeping) for a wall-clock time. */
  static void spinFor(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
