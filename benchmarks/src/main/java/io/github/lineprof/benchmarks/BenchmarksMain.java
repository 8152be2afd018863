package io.github.lineprof.benchmarks;

import io.github.lineprof.jmh.SideBySide;

/**
 * {@code java -jar benchmarks.jar}: without arguments, the whole comparison of BENCHMARKS.md (overhead
 * in exact and sampled mode, then accuracy); with arguments, plain JMH ({@code org.openjdk.jmh.Main}).
 */
public final class BenchmarksMain {
  private static final String[] OVERHEAD = {
      "OverheadBenchmark|SimulationBenchmark", "-f", "1", "-wi", "5", "-w", "1", "-i", "5", "-r", "1"};

  private BenchmarksMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    SideBySide.main(OVERHEAD);
    System.setProperty("lineprof.jmh", "mode=sampled");
    SideBySide.main(OVERHEAD);
    System.clearProperty("lineprof.jmh");
    AccuracyCheck.main(new String[0]);
  }
}
