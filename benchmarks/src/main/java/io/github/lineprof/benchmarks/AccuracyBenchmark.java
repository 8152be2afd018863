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

/**
 * The truth for {@link Workloads#accuracy}: each of its lines measured alone. The true share of a
 * line is its time here over the sum; the profiled run of {@code accuracy} gives the table's share.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AccuracyBenchmark {
  long seed = 7;

  @Benchmark
  public long accuracy() {
    return Workloads.accuracy(seed);
  }

  @Benchmark
  public long line1Spin1() {
    return Workloads.spin(seed, Workloads.SPIN_1);
  }

  @Benchmark
  public long line2Spin2() {
    return Workloads.spin(seed, Workloads.SPIN_2);
  }

  @Benchmark
  public long line3Spin4() {
    return Workloads.spin(seed, Workloads.SPIN_4);
  }

  @Benchmark
  public long cheapLine() {
    return Workloads.cheapLoop(seed);
  }
}
