package io.github.lineprof.benchmarks;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.jmh.SideBySide;
import io.github.lineprof.jmh.SideBySide.Comparison;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Whether a table's Total time per call is the real time of a call, for a recursive method and one
 * with a block lambda, in every mode: the plain benchmark's score (JMH avgt, the truth) against the
 * Total per call of the table of a profiled run of the same benchmark. The target: within {@link
 * #TARGET}x. One fork of five one-second iterations for each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.TotalsCheck</pre>
 */
public final class TotalsCheck {
  static final double TARGET = 1.2;
  static final List<String> MODES = List.of("original", "exact", "sampled");

  private TotalsCheck() {}

  public static void main(String[] args) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(TotalsBenchmark.class.getName())
            .forks(1)
            .warmupIterations(5)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .build();
    Map<String, RunResult> plain = SideBySide.plain(options);
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nTotal time per call against the plain call (JMH avgt), target within %.1fx%n"
                    + "%-10s %-8s %14s %14s %16s %8s%n",
                TARGET,
                "workload",
                "mode",
                "plain ns/op",
                "copy ns/op",
                "Total per call",
                "ratio"));
    for (String mode : MODES) {
      Map<String, RunResult> profiled = SideBySide.profiled(options, "mode=" + mode);
      for (Map.Entry<String, RunResult> p : profiled.entrySet()) {
        String benchmark = p.getValue().getParams().getBenchmark();
        String workload = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        double truth = plain.get(p.getKey()).getPrimaryResult().getScore();
        double perCall = totalPerCall(workload, Comparison.lines(p.getValue()).functions());
        out.append(
            String.format(
                Locale.ROOT,
                "%-10s %-8s %14.1f %14.1f %16.1f %7.2fx%s%n",
                workload,
                mode,
                truth,
                p.getValue().getPrimaryResult().getScore(),
                perCall,
                perCall / truth,
                perCall / truth <= TARGET && perCall / truth >= 1 / TARGET ? "" : "  (outside)"));
      }
    }
    System.out.print(out);
  }

  /**
   * The Total time of the workload's function per call of the benchmark: its top-level lines (the
   * lambda's line is nested) over its calls, counted by the first line's hits (every invocation of
   * the recursive ones: {@link Workloads#FIB_INVOCATIONS} and {@link Workloads#TREE_INVOCATIONS} per
   * call).
   */
  static double totalPerCall(String workload, List<FunctionProfile> functions) {
    FunctionProfile f =
        functions.stream()
            .filter(s -> s.name().equals("Workloads." + workload))
            .findFirst()
            .orElseThrow();
    int first = f.firstLine() + 2; // after the annotation and the signature
    if (workload.equals("fib")) {
      long total = f.line(first).nanos() + f.line(first + 1).nanos() + f.line(first + 3).nanos();
      return total * (double) Workloads.FIB_INVOCATIONS / f.line(first).hits();
    }
    if (workload.equals("tree")) {
      long total = f.line(first).nanos() + f.line(first + 1).nanos() + f.line(first + 2).nanos() + f.line(first + 4).nanos();
      return total * (double) Workloads.TREE_INVOCATIONS / f.line(first).hits();
    }
    long total = f.line(first).nanos() + f.line(first + 1).nanos() + f.line(first + 4).nanos();
    return total / (double) f.line(first).hits();
  }
}
