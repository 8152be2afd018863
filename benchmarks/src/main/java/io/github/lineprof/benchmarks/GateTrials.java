package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.report.CheckRule;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.PerformanceCheck;
import io.github.lineprof.report.stats.FunctionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How often {@code lineprof check} flags a real slowdown (power) and a non-change (false alarms):
 * A/A trials profile {@link GateWorkload} twice unchanged; A/B trials make its second line (20 % of
 * the function) 5, 10 or 20 % slower, or its loop run 5, 10 or 20 % more often (a change of hits).
 * Each trial is two independent harness profiles in original mode, {@code runs} recordings each,
 * checked with the default rules.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.GateTrials [trials] [runs] [samples] [scenarios]</pre>
 *
 * <p>{@code scenarios}: a regular expression over the scenarios' names, e.g. {@code 'A/A|\+10'}.
 */
public final class GateTrials {
  /** What a trial changes, and by how much. */
  private record Scenario(String name, double slowdown, double moreTrips) {}

  private GateTrials() {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    Pattern only = Pattern.compile(args.length > 3 ? args[3] : ".*");
    List<Scenario> scenarios =
        List.of(
            new Scenario("A/A (no change)", 0, 0),
            new Scenario("line +5 % time", 0.05, 0),
            new Scenario("line +10 % time", 0.10, 0),
            new Scenario("line +20 % time", 0.20, 0),
            new Scenario("loop +5 % hits", 0, 0.05),
            new Scenario("loop +10 % hits", 0, 0.10),
            new Scenario("loop +20 % hits", 0, 0.20));
    String options = String.format(Locale.ROOT, "runs=%d,samples=%d,formats=json", runs, samples);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "lineprof check trials: %d per scenario, harness original mode, %s, default rules%n"
                + "%-18s %8s %8s %9s %12s%n",
            trials,
            options,
            "scenario",
            "trials",
            "flagged",
            "rate",
            "s per trial"));
    for (Scenario scenario : scenarios) {
      if (!only.matcher(scenario.name()).find()) {
        continue;
      }
      int flagged = 0;
      long start = System.nanoTime();
      for (int trial = 1; trial <= trials; trial++) {
        JsonReportReader.Report baseline = profile(options, 0, 0);
        JsonReportReader.Report candidate =
            profile(options, scenario.slowdown(), scenario.moreTrips());
        PerformanceCheck.Outcome outcome =
            PerformanceCheck.check(baseline, candidate, CheckRule.defaults());
        if (!outcome.passed()) {
          flagged++;
        }
        System.out.printf(
            Locale.ROOT,
            "# %s, trial %d: the slowed line's runs %s -> %s: %s%n",
            scenario.name(),
            trial,
            slowLineRuns(baseline),
            slowLineRuns(candidate),
            outcome.passed()
                ? "passed"
                : "flagged: " + outcome.violations().get(0).message());
      }
      double seconds = (System.nanoTime() - start) / 1e9 / trials;
      table.append(
          String.format(
              Locale.ROOT,
              "%-18s %8d %8d %8.0f%% %12.0f%n",
              scenario.name(),
              trials,
              flagged,
              100.0 * flagged / trials,
              seconds));
    }
    System.out.print(table);
  }

  /** The time of the line a trial slows, in each run of a report, in microseconds. */
  private static String slowLineRuns(JsonReportReader.Report report) {
    FunctionStats f =
        report.stats().functions().stream()
            .filter(s -> s.info().name().equals("GateWorkload.run"))
            .findFirst()
            .orElseThrow();
    int line =
        f.info().firstLine()
            + f.info().lines().indexOf("    x = Workloads.spin(x, slowRounds);");
    List<String> runs = new ArrayList<>();
    for (int r = 0; r < f.runCount(); r++) {
      runs.add(String.format(Locale.ROOT, "%.2f", f.runNanos(r, line) / 1e3));
    }
    return runs.isEmpty() ? String.format(Locale.ROOT, "[%.2f]", f.nanos(line) / 1e3) : runs.toString();
  }

  /** One report of the workload, its line made {@code slowdown} slower or its loop longer. */
  private static JsonReportReader.Report profile(String options, double slowdown, double moreTrips)
      throws Exception {
    int slowRounds = (int) Math.round(GateWorkload.ROUNDS * (1 + slowdown));
    int trips = (int) Math.round(GateWorkload.LOOP_TRIPS * (1 + moreTrips));
    Path dir = Files.createTempDirectory("lineprof-gate");
    try {
      LineProfiler.create()
          .options(options)
          .outputDirectory(dir)
          .printTo(null)
          .run(() -> GateWorkload.run(slowRounds, trips));
      return JsonReportReader.read(Files.readString(dir.resolve("report.json")));
    } finally {
      List<Path> files = new ArrayList<>();
      try (var walk = Files.walk(dir)) {
        walk.forEach(files::add);
      }
      for (int i = files.size() - 1; i >= 0; i--) {
        Files.deleteIfExists(files.get(i));
      }
    }
  }
}
