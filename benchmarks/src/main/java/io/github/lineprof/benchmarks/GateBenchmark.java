package io.github.lineprof.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The true slowdowns of {@link GateTrials}' variants, without lineprof: the plain call's time with
 * the second line's rounds as the trials set them. A variant's change of that line is the change of
 * the call's time over the line's own time, which is the call's time with {@code slowRounds} 2,000
 * less its time with 0.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class GateBenchmark {
  @Param({"0", "2000", "2100", "2200", "2400"})
  int slowRounds;

  int loopTrips = GateWorkload.LOOP_TRIPS;

  @Benchmark
  public long run() {
    return GateWorkload.run(slowRounds, loopTrips);
  }
}
