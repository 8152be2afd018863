package io.github.lineprof.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A benchmark with a known number of invocations per fork (single shots of fixed batches), so the
 * profiler's hits can be checked exactly: warm-up left out, forks summed.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 2, batchSize = 7)
@Measurement(iterations = 3, batchSize = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ExactCountBenchmark {
  /** Invocations measured per fork: 3 iterations of 10. */
  public static final int MEASURED_CALLS = 30;
  public static final int LENGTH = 100;

  int[] values = new int[LENGTH];

  @Benchmark
  public long sum() {
    return Workloads.sum(values);
  }
}
