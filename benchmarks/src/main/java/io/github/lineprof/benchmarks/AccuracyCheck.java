package io.github.lineprof.benchmarks;

import io.github.lineprof.jmh.JmhLineProfiler;
import io.github.lineprof.cli.JsonReportReader;
import io.github.lineprof.internal.stats.FunctionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How true the table's {@code % Time} is: each line of {@link Workloads#accuracy} is measured alone
 * with JMH (the truth), then {@code accuracy} is profiled in exact and in sampled mode, and each
 * line's share in the table is compared with its true share.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.AccuracyCheck</pre>
 */
public final class AccuracyCheck {
  private AccuracyCheck() {}

  public static void main(String[] args) throws Exception {
    Map<String, Double> measured = new LinkedHashMap<>();
    for (RunResult r : run(base().include(AccuracyBenchmark.class.getName() + ".(line|cheap).*"))) {
      measured.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore());
    }
    Map<String, Double> truth = new LinkedHashMap<>(); // in the order of the method's lines
    for (String line : List.of("line1Spin1", "line2Spin2", "line3Spin4", "cheapLine")) {
      truth.put(line, measured.get(line));
    }
    double total = truth.values().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nAccuracy of %% Time, Workloads.accuracy (truth: each line alone, JMH avgt)%n"
        + "%-12s %10s %8s %10s %8s %10s %8s%n", "line", "truth ns", "truth %", "exact %", "error", "sampled %", "error"));
    Map<String, double[]> shares = new LinkedHashMap<>();
    for (String mode : List.of("exact", "sampled")) {
      FunctionStats f = profile(mode);
      int first = f.info().firstLine();
      // rows of accuracy(): a, b, c, then the cheap loop's header and body together
      long[] nanos = {f.nanos(first + 2), f.nanos(first + 3), f.nanos(first + 4),
          f.nanos(first + 6) + f.nanos(first + 7)};
      double sum = f.totalNanos();
      double[] s = new double[nanos.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = 100.0 * nanos[i] / sum;
      }
      shares.put(mode, s);
    }
    int i = 0;
    double worst = 0;
    for (Map.Entry<String, Double> line : truth.entrySet()) {
      double t = 100.0 * line.getValue() / total;
      double e = shares.get("exact")[i] - t;
      double s = shares.get("sampled")[i] - t;
      worst = Math.max(worst, Math.max(Math.abs(e), Math.abs(s)));
      out.append(String.format(Locale.ROOT, "%-12s %10.1f %8.1f %10.1f %+8.1f %10.1f %+8.1f%n",
          line.getKey(), line.getValue(), t, shares.get("exact")[i], e, shares.get("sampled")[i], s));
      i++;
    }
    out.append(String.format(Locale.ROOT, "worst error: %.1f percentage points%n", worst));
    System.out.print(out);
  }

  private static FunctionStats profile(String mode) throws Exception {
    Path output = Files.createTempDirectory("lineprof-accuracy");
    run(base().include(AccuracyBenchmark.class.getName() + ".accuracy")
        .addProfiler(JmhLineProfiler.class, "output=" + output + ";mode=" + mode));
    try (var dirs = Files.list(output)) {
      Path report = dirs.findFirst().orElseThrow().resolve("report.json");
      return JsonReportReader.read(Files.readString(report)).stats().functions().stream()
          .filter(f -> f.info().name().equals("Workloads.accuracy")).findFirst().orElseThrow();
    }
  }

  private static ChainedOptionsBuilder base() {
    return new OptionsBuilder().forks(1).warmupIterations(3).measurementIterations(5);
  }

  private static List<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new ArrayList<>(new Runner(options.build()).run());
  }
}
