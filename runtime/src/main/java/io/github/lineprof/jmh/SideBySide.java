package io.github.lineprof.jmh;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the same JMH benchmarks twice in one go, on the originals and with lineprof's profiler, and
 * prints under the line tables each benchmark's two scores and their ratio: what profiling costs.
 *
 * <pre>java -cp benchmarks.jar io.github.lineprof.jmh.SideBySide SimulationBenchmark [JMH options]</pre>
 *
 * <p>The profiler's options go in {@code -Dlineprof.jmh=mode=sampled;unit=1e-6}.
 */
public final class SideBySide {
  private SideBySide() {}

  public static void main(String[] args) {
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("lineprof: " + e.getMessage());
      System.exit(2);
      return;
    }
    Collection<RunResult> original;
    Collection<RunResult> instrumented;
    try {
      original = new Runner(options).run();
      Options profiled = new OptionsBuilder().parent(options)
          .addProfiler(JmhLineProfiler.class, System.getProperty("lineprof.jmh", "")).build();
      instrumented = new Runner(profiled).run();
    } catch (NoBenchmarksException e) {
      System.err.println("lineprof: no benchmark matches " + options.getIncludes());
      System.exit(2);
      return;
    } catch (RunnerException e) {
      System.err.println("lineprof: " + (e.getMessage() == null ? e : e.getMessage().lines().findFirst().orElse("")));
      System.exit(2);
      return;
    }
    System.out.print(compare(original, instrumented));
  }

  /** One line per benchmark: original score, instrumented score, their ratio (slowdown). */
  static String compare(Collection<RunResult> original, Collection<RunResult> instrumented) {
    Map<String, RunResult> byName = new TreeMap<>();
    instrumented.forEach(r -> byName.put(label(r), r));
    StringBuilder out = new StringBuilder("\nlineprof overhead (same benchmarks, same run)\n");
    out.append(String.format(Locale.ROOT, "%-60s %16s %16s %10s%n", "Benchmark", "original", "instrumented", "slowdown"));
    for (RunResult o : original) {
      RunResult i = byName.get(label(o));
      if (i == null) {
        continue;
      }
      double a = o.getPrimaryResult().getScore();
      double b = i.getPrimaryResult().getScore();
      // For throughput modes more is faster; the slowdown is always instrumented time / original time.
      boolean throughput = o.getParams().getMode().shortLabel().equals("thrpt");
      double slowdown = throughput ? a / b : b / a;
      String unit = o.getPrimaryResult().getScoreUnit();
      out.append(String.format(Locale.ROOT, "%-60s %10.3f %-5s %10.3f %-5s %9.2fx%n",
          label(o), a, unit, b, unit, slowdown));
    }
    return out.toString();
  }

  private static String label(RunResult r) {
    return r.getParams().id();
  }
}
