package io.github.lineprof.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the probes cost. Run through {@code io.github.lineprof.jmh.SideBySide} to get original and
 * instrumented scores of the same benchmark in one go; events per operation: {@code sum} 2 x 10^6 + 2,
 * {@code cheapLines} 10.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OverheadBenchmark {
  static final int N = 1_000_000;
  int[] values = IntStream.range(0, N).toArray();
  int x = 42;

  @Benchmark
  public long sum() {
    return Workloads.sum(values);
  }

  @Benchmark
  public int cheapLines() {
    return Workloads.cheapLines(x);
  }
}
