package io.github.lineprof.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Recursion and a block lambda: the calls {@link TotalsCheck} compares the tables' Totals with. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TotalsBenchmark {
  long[] seeds = {1, 2, 3, 4, 5, 6, 7, 8};
  int n = Workloads.FIB_N;

  @Benchmark
  public int fib() {
    return Workloads.fib(n);
  }

  @Benchmark
  public long tree() {
    return Workloads.tree(seeds[0], Workloads.TREE_DEPTH);
  }

  @Benchmark
  public long lambdas() {
    return Workloads.lambdas(seeds);
  }
}
