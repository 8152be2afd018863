package io.github.lineprof.benchmarks;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.jmh.JmhLineProfiler;
import io.github.lineprof.jmh.SideBySide.Comparison;
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
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How true the table's {@code % Time} is, in every mode: each line of {@link Workloads#accuracy} is
 * measured alone with JMH (the truth), then {@code accuracy} is profiled in original, exact and
 * sampled mode, and each line's share in the table is compared with its true share. Repeated
 * {@code runs} times (truth included), since one run says little on a shared machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.AccuracyCheck [runs]</pre>
 */
public final class AccuracyCheck {
  static final List<String> MODES = List.of("original", "exact", "sampled");
  static final List<String> LINES = List.of("line1Spin1", "line2Spin2", "line3Spin4", "cheapLine");
  /** Original mode's target: every line within this many points of the truth. */
  static final double TARGET_POINTS = 1.5;

  private AccuracyCheck() {}

  public static void main(String[] args) throws Exception {
    System.out.print(check(args.length > 0 ? Integer.parseInt(args[0]) : 5));
  }

  /** Prints each run's table as it comes; returns them all and the summary, as JMH's output came between. */
  static String check(int runs) throws Exception {
    Map<String, List<Double>> worst = new LinkedHashMap<>();
    MODES.forEach(mode -> worst.put(mode, new ArrayList<>()));
    StringBuilder tables = new StringBuilder();
    for (int run = 1; run <= runs; run++) {
      String table = run(run, worst);
      System.out.print(table);
      tables.append(table);
    }
    return tables + summary(worst);
  }

  /** One run: the truth, a profile per mode, and the table comparing them; adds each mode's worst error. */
  private static String run(int run, Map<String, List<Double>> worst) throws Exception {
    // The truth is each line's best iteration over three forks. On a shared machine a fork runs fast
    // or slow as a whole (measured: 1.0 to 1.9 ns per round of the same spin, best of 20 iterations,
    // from one fork to the next), and the four lines are measured one after the other; the fastest of
    // several forks puts all four in the same, unloaded, state.
    Map<String, Double> measured = new LinkedHashMap<>();
    for (RunResult r : run(new OptionsBuilder().include(AccuracyBenchmark.class.getName() + ".(line|cheap).*")
        .forks(3).warmupIterations(3).warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(5).measurementTime(TimeValue.milliseconds(200)))) {
      measured.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""),
          r.getPrimaryResult().getStatistics().getMin());
    }
    double total = LINES.stream().mapToDouble(measured::get).sum();
    Map<String, double[]> shares = new LinkedHashMap<>();
    for (String mode : MODES) {
      shares.put(mode, shares(profile(mode)));
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nAccuracy of %% Time, run %d, Workloads.accuracy (truth: each line alone, JMH avgt, best of 3 forks x 5 x 200 ms)%n%-12s %9s %8s",
        run, "line", "truth ns", "truth %"));
    MODES.forEach(mode -> out.append(String.format(Locale.ROOT, " %10s %7s", mode + " %", "error")));
    out.append('\n');
    double[] worstOfRun = new double[MODES.size()];
    for (int i = 0; i < LINES.size(); i++) {
      double t = 100.0 * measured.get(LINES.get(i)) / total;
      out.append(String.format(Locale.ROOT, "%-12s %9.1f %8.1f", LINES.get(i), measured.get(LINES.get(i)), t));
      for (int m = 0; m < MODES.size(); m++) {
        double share = shares.get(MODES.get(m))[i];
        worstOfRun[m] = Math.max(worstOfRun[m], Math.abs(share - t));
        out.append(String.format(Locale.ROOT, " %10.1f %+7.1f", share, share - t));
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "%-31s", "worst error (points)"));
    for (int m = 0; m < MODES.size(); m++) {
      worst.get(MODES.get(m)).add(worstOfRun[m]);
      out.append(String.format(Locale.ROOT, " %10s %7.1f", "", worstOfRun[m]));
    }
    return out.append('\n').toString();
  }

  /** Each mode's worst error per run, and in how many runs original mode met its target. */
  static String summary(Map<String, List<Double>> worst) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nAccuracy over %d runs: worst error of any line, percentage points, per run%n",
        worst.values().iterator().next().size()));
    for (Map.Entry<String, List<Double>> mode : worst.entrySet()) {
      long met = mode.getValue().stream().filter(e -> e <= TARGET_POINTS).count();
      out.append(String.format(Locale.ROOT, "%-9s %s  (within %.1f points in %d of %d runs)%n", mode.getKey(),
          String.join(" ", mode.getValue().stream().map(e -> String.format(Locale.ROOT, "%5.1f", e)).toList()),
          TARGET_POINTS, met, mode.getValue().size()));
    }
    return out.toString();
  }

  /** The shares of the rows of accuracy(): a, b, c, then the cheap loop's header and body together. */
  private static double[] shares(FunctionProfile f) {
    int first = f.firstLine();
    long[] nanos = {f.line(first + 2).nanos(), f.line(first + 3).nanos(), f.line(first + 4).nanos(),
        f.line(first + 6).nanos() + f.line(first + 7).nanos()};
    double sum = f.totalNanos();
    double[] shares = new double[nanos.length];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = 100.0 * nanos[i] / sum;
    }
    return shares;
  }

  private static FunctionProfile profile(String mode) throws Exception {
    RunResult result = run(base().include(AccuracyBenchmark.class.getName() + ".accuracy")
        .addProfiler(JmhLineProfiler.class, "mode=" + mode)).get(0);
    return Comparison.lines(result).functions().stream()
        .filter(f -> f.name().equals("Workloads.accuracy")).findFirst().orElseThrow();
  }

  /** 10 s of measurement: original mode's 95% interval is then about 1 point on the widest line. */
  private static ChainedOptionsBuilder base() {
    return new OptionsBuilder().forks(1).warmupIterations(3).measurementIterations(10);
  }

  private static List<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new ArrayList<>(new Runner(options.build()).run());
  }
}
