package io.github.lineprof.benchmarks;

import io.github.lineprof.probe.FunctionProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What exact mode's spread histogram adds to a line event: {@code java -jar benchmarks.jar
 * SpreadBenchmark}. Scores are nanoseconds per line event of a loop shaped as the processor writes
 * instrumented copies ({@code x += i} per iteration, two events per iteration), exact-mode probes
 * with the histogram and without it (each in its own fork: the probes read the option once per
 * JVM), and the loop without probes. The histogram's cost is the difference of the first two.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(SpreadBenchmark.EVENTS)
@State(Scope.Thread)
public class SpreadBenchmark {
  static final int N = 1_000;
  /** Line events per call of {@link Copy#lines}: lines 2 and 6 once, the header n + 1 times, the body n times. */
  static final int EVENTS = 2 * N + 3;

  int n = N;

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Dlineprof.mode=exact", "-Dlineprof.spread=true"})
  public long exactWithSpread() {
    return Copy.lines(n);
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Dlineprof.mode=exact", "-Dlineprof.spread=false"})
  public long exactWithoutSpread() {
    return Copy.lines(n);
  }

  @Benchmark
  @Fork(1)
  public long noProbes() {
    long x = 0;
    for (int i = 0; i < n; i++) {
      x += i;
    }
    return x;
  }

  /** The instrumented copy of {@code noProbes}' loop, as the processor writes it (see ProbeProtocol). */
  static final class Copy {
    static final FunctionProbe P = FunctionProbe.register("SpreadBenchmark.java", "SpreadBenchmark.lines", 1, "",
        "static long lines(int n) {\n  long x = 0;\n  for (int i = 0; i < n; i++) {\n    x += i;\n  }\n"
            + "  return x;\n}");
    static final int P_ENTRY = P.entry();

    private Copy() {}

    static long lines(int n) { final long[] $lp$c = P.counters(); int $lp$l = P_ENTRY; long $lp$t = P.enter($lp$c); try {
      $lp$t = P.line($lp$c, $lp$l, $lp$l = 2, $lp$t); long x = 0;
      for (int i = 0; switch ((int) ($lp$t = P.line($lp$c, $lp$l, $lp$l = 3, $lp$t))) { default -> i < n; }; i++) {
        $lp$t = P.line($lp$c, $lp$l, $lp$l = 4, $lp$t); x += i;
      }
      $lp$t = P.line($lp$c, $lp$l, $lp$l = 6, $lp$t); return x;
    } finally { P.exit($lp$l, $lp$t); } }
  }
}
