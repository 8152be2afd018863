package io.github.lineprof.benchmarks;

import io.github.lineprof.report.CheckRule;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.PerformanceCheck;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What power and false-alarm rate {@code lineprof check} (default rules) can reach in principle for
 * the trials of {@link GateTrials}, by simulation: reports of {@link GateWorkload}'s lines whose
 * per-run times come from a model of original mode, checked by the real {@link PerformanceCheck}.
 * A run's line time is the function's measured time times the line's share of {@code samples}
 * samples (drawn at random with the lines' true shares: the sampling error), and the function's time
 * varies from fork to fork by a factor {@code exp(noise * Z)} (the JIT, the machine). So the table
 * says what the statistics allow with a given size of report, not what a machine delivers; {@link
 * GateTrials} measures that.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.GatePower [trials] [runs,...] [samples,...] [noise %,...]</pre>
 */
public final class GatePower {
  /** The function's lines as {@link GateWorkload} has them, with their hits per call. */
  private static final List<String> LINES =
      List.of(
          "public static long run(int slowRounds, int loopTrips) {",
          "long x = 17;",
          "x = Workloads.spin(x, ROUNDS);",
          "x = Workloads.spin(x, slowRounds);",
          "x = Workloads.spin(x, 2 * ROUNDS);",
          "for (int i = 0; i < loopTrips; i++) {",
          "x = Workloads.spin(x, LOOP_ROUNDS);",
          "}",
          "return x;",
          "}");

  private static final long[] HITS = {0, 1, 1, 1, 1, 21, 20, 0, 1, 0};

  /** Rounds of spinning per line; the loop's header gets a few samples of its own. */
  private static final double[] ROUNDS = {0, 0, 2_000, 2_000, 4_000, 50, 2_000, 0, 0, 0};

  private static final int SLOW_LINE = 3;
  private static final double FUNCTION_NANOS = 10_000;
  private static final FunctionInfo INFO =
      new FunctionInfo("io/github/lineprof/benchmarks/GateWorkload.java", "GateWorkload.run", 18, LINES);

  private GatePower() {}

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int[] runs = ints(args.length > 1 ? args[1] : "5,10,20");
    int[] samples = ints(args.length > 2 ? args[2] : "2000,9220");
    int[] noise = ints(args.length > 3 ? args[3] : "0,3,5");
    if (Arrays.stream(runs).anyMatch(r -> r < 2)) {
      System.err.println("GatePower: runs must be 2 or more (one run allows no test)");
      System.exit(2);
    }
    double[] slowdowns = {0, 0.05, 0.10, 0.20};
    SplittableRandom random = new SplittableRandom(15);
    System.out.printf(
        Locale.ROOT,
        "lineprof check (default rules) on simulated reports, %d trials each: share of trials"
            + " flagged%n%5s %8s %6s %8s %8s %8s %8s%n",
        trials,
        "runs",
        "samples",
        "noise",
        "A/A",
        "+5 %",
        "+10 %",
        "+20 %");
    for (int r : runs) {
      for (int n : samples) {
        for (int percent : noise) {
          StringBuilder row =
              new StringBuilder(
                  String.format(Locale.ROOT, "%5d %8d %5d%%", r, n, percent));
          for (double slowdown : slowdowns) {
            int flagged = 0;
            for (int t = 0; t < trials; t++) {
              JsonReportReader.Report a = report(random, r, n, percent / 100.0, 0);
              JsonReportReader.Report b = report(random, r, n, percent / 100.0, slowdown);
              if (!PerformanceCheck.check(a, b, CheckRule.defaults()).passed()) {
                flagged++;
              }
            }
            row.append(String.format(Locale.ROOT, " %7.1f%%", 100.0 * flagged / trials));
          }
          System.out.println(row);
        }
      }
    }
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",", -1)).mapToInt(Integer::parseInt).toArray();
  }

  /** A report of {@code runs} simulated runs, the slowed line {@code slowdown} slower. */
  private static JsonReportReader.Report report(
      SplittableRandom random, int runs, int samples, double noise, double slowdown) {
    double[] rounds = ROUNDS.clone();
    rounds[SLOW_LINE] *= 1 + slowdown;
    double total = Arrays.stream(rounds).sum();
    double[] cumulative = new double[rounds.length];
    double sum = 0;
    for (int i = 0; i < rounds.length; i++) {
      sum += rounds[i] / total;
      cumulative[i] = sum;
    }
    List<long[]> runNanos = new ArrayList<>();
    double[] sums = new double[LINES.size()];
    for (int r = 0; r < runs; r++) {
      double nanos =
          FUNCTION_NANOS * total / Arrays.stream(ROUNDS).sum() * Math.exp(noise * random.nextGaussian());
      long[] counts = new long[LINES.size()];
      for (int s = 0; s < samples; s++) {
        double u = random.nextDouble();
        int line = 0;
        while (line < cumulative.length - 1 && u >= cumulative[line]) {
          line++;
        }
        counts[line]++;
      }
      long[] times = new long[LINES.size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = Math.round(nanos * counts[i] / samples);
        sums[i] += times[i];
      }
      runNanos.add(times);
    }
    long[] mean = Arrays.stream(sums).mapToLong(t -> Math.round(t / runs)).toArray();
    FunctionStats f = new FunctionStats(INFO, HITS.clone(), mean).withRunNanos(runNanos);
    return new JsonReportReader.Report(new ProfileStats(List.of(f)), List.of());
  }

}
