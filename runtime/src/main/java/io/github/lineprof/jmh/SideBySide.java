package io.github.lineprof.jmh;

import io.github.lineprof.FunctionProfile;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
 * prints under the line tables each benchmark's two scores and their ratio (what profiling costs:
 * in original mode the recorder's cost, else the probes'), and the table's total time per call
 * against the original's score (how true the table's total is) and against the profiled run's own
 * score (in original mode, the score the table explains).
 *
 * <pre>java -cp benchmarks.jar io.github.lineprof.jmh.SideBySide SimulationBenchmark [JMH options]
 * </pre>
 *
 * <p>The profiler's options go in {@code -Dlineprof.jmh=mode=sampled;unit=1e-6}.
 */
public final class SideBySide {
  private SideBySide() {}

  /** The results of both runs, by benchmark id. */
  public record Comparison(Map<String, RunResult> original, Map<String, RunResult> profiled) {
    /** The profiled run's table of a benchmark, e.g. {@code RunResult.getAggregatedResult()}'s. */
    public static LineProfResult lines(RunResult result) {
      return (LineProfResult)
          result.getAggregatedResult().getSecondaryResults().get(LineProfResult.LABEL);
    }

    /**
     * A function's time per call in nanoseconds: its total over the hits of its first line that
     * ran, its first statement, which runs once per call.
     */
    static double nanosPerCall(FunctionProfile f) {
      return f.lines().stream()
          .filter(line -> line.hits() > 0)
          .findFirst()
          .map(line -> f.totalNanos() / (double) line.hits())
          .orElse(Double.NaN);
    }

    /** The function of those that ran that the benchmark spends most in: the one it calls. */
    public static FunctionProfile mainFunction(RunResult profiled) {
      return lines(profiled).functions().stream()
          .filter(f -> f.totalHits() > 0)
          .max(Comparator.comparingLong(FunctionProfile::totalNanos))
          .orElseThrow();
    }

    /**
     * One line per benchmark: scores, slowdown, and the table's total per call against the
     * original.
     */
    public String text() {
      StringBuilder out =
          new StringBuilder("\nlineprof side by side (same benchmarks, same run)\n");
      out.append(
          String.format(
              Locale.ROOT,
              "%-50s %14s %14s %9s %34s %9s %9s%n",
              "Benchmark",
              "original",
              "profiled",
              "slowdown",
              "table per call",
              "vs orig.",
              "vs own"));
      for (Map.Entry<String, RunResult> o : original.entrySet()) {
        RunResult p = profiled.get(o.getKey());
        if (p == null) {
          continue;
        }
        double a = o.getValue().getPrimaryResult().getScore();
        double b = p.getPrimaryResult().getScore();
        // For throughput modes more is faster; the slowdown is always profiled time / original
        // time.
        boolean throughput = p.getParams().getMode().shortLabel().equals("thrpt");
        String unit = o.getValue().getPrimaryResult().getScoreUnit();
        FunctionProfile main = mainFunction(p);
        out.append(
            String.format(
                Locale.ROOT,
                "%-50s %8.3f %-5s %8.3f %-5s %8.2fx",
                label(p),
                a,
                unit,
                b,
                unit,
                throughput ? a / b : b / a));
        if (!throughput) {
          double perCall =
              nanosPerCall(main) / TimeUnit.NANOSECONDS.convert(1, p.getParams().getTimeUnit());
          out.append(
              String.format(
                  Locale.ROOT,
                  " %-20s %8.3f %-5s %8.2fx %8.2fx",
                  main.name(),
                  perCall,
                  unit,
                  perCall / a,
                  perCall / b));
        }
        out.append('\n');
      }
      return out.toString();
    }
  }

  /** The benchmark's id without its package: Class.method-Mode and parameters. */
  private static String label(RunResult result) {
    String benchmark = result.getParams().getBenchmark();
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1)
        + result.getParams().id().substring(benchmark.length());
  }

  public static void main(String[] args) {
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("lineprof: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      System.out.print(run(options, System.getProperty("lineprof.jmh", "")).text());
    } catch (NoBenchmarksException e) {
      System.err.println("lineprof: no benchmark matches " + options.getIncludes());
      System.exit(2);
    } catch (RunnerException e) {
      System.err.println(
          "lineprof: "
              + (e.getMessage() == null ? e : e.getMessage().lines().findFirst().orElse("")));
      System.exit(2);
    }
  }

  /** Runs {@code options}' benchmarks plain, then with the profiler and {@code profilerOptions}. */
  public static Comparison run(Options options, String profilerOptions) throws RunnerException {
    return new Comparison(plain(options), profiled(options, profilerOptions));
  }

  /** The benchmarks' results without the profiler, by id. */
  public static Map<String, RunResult> plain(Options options) throws RunnerException {
    return byId(new Runner(options).run());
  }

  /** The benchmarks' results with the profiler and {@code profilerOptions}, by id. */
  public static Map<String, RunResult> profiled(Options options, String profilerOptions)
      throws RunnerException {
    return byId(
        new Runner(
                new OptionsBuilder()
                    .parent(options)
                    .addProfiler(JmhLineProfiler.class, profilerOptions)
                    .build())
            .run());
  }

  private static Map<String, RunResult> byId(Collection<RunResult> results) {
    Map<String, RunResult> byId = new TreeMap<>();
    results.forEach(r -> byId.put(r.getParams().id(), r));
    return byId;
  }
}
