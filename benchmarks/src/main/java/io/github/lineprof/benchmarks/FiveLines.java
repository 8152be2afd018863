package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A method of five lines that run, sleep, park, read and run: {@link FiveLineCheck} compares its
 * original-mode table with {@link #timed}, the same lines timed in context by {@code nanoTime}.
 */
public final class FiveLines {
  private FiveLines() {}

  static long sink;

  @LineProfile
  public static long run(String file) throws IOException, InterruptedException {
    long a = Workloads.spin(sink, CPU_ROUNDS);
    Thread.sleep(2);
    LockSupport.parkNanos(1_000_000);
    long b = Files.readAllBytes(Path.of(file)).length;
    long c = Workloads.spin(a, SMALL_ROUNDS);
    return sink += a + b + c;
  }

  /** About 1 ms of CPU, and about a tenth of it. */
  static final int CPU_ROUNDS = 800_000;
  static final int SMALL_ROUNDS = 80_000;

  /** {@link #run}'s lines, each timed where it runs: nanoseconds added to {@code lines[0..4]}. */
  static long timed(String file, long[] lines) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long a = Workloads.spin(sink, CPU_ROUNDS);
    long t1 = System.nanoTime();
    Thread.sleep(2);
    long t2 = System.nanoTime();
    LockSupport.parkNanos(1_000_000);
    long t3 = System.nanoTime();
    long b = Files.readAllBytes(Path.of(file)).length;
    long t4 = System.nanoTime();
    long c = Workloads.spin(a, SMALL_ROUNDS);
    long t5 = System.nanoTime();
    lines[0] += t1 - t0;
    lines[1] += t2 - t1;
    lines[2] += t3 - t2;
    lines[3] += t4 - t3;
    lines[4] += t5 - t4;
    return sink += a + b + c;
  }
}
