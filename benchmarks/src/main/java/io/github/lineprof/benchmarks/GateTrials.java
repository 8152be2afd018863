package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.report.CheckRule;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.PerformanceCheck;
import io.github.lineprof.report.ReportMerge;
import io.github.lineprof.report.stats.FunctionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How often {@code lineprof check} (default rules) flags a real slowdown (power) and a non-change
 * (false alarms). A/A trials check one unchanged profile of {@link GateWorkload} against another;
 * A/B trials check a profile whose second line (20 % of the function) is 5, 10 or 20 % slower, or
 * whose loop runs 5, 10 or 20 % more often (a change of hits), against an unchanged one. Every
 * profile is one harness report in original mode of {@code runs} forked recordings.
 *
 * <p>Reports are recorded once and paired: each round records an unchanged report A2 and one report
 * of each slowed variant, in the order +5 %, +10 %, A2, +20 %, after the previous round's A2 (A1; the
 * first round records its own), and checks A2 against A1 (one A/A trial), +5 % against A1, +10 % and
 * +20 % against A2. So 20 rounds give 20 trials of each scenario from 81 reports instead of 140 x 2,
 * and baseline and candidate recordings alternate in time, so a drift of the machine weighs on both
 * sides alike. Within a slowed scenario no report serves twice; consecutive A/A trials share a
 * report, as a chain of A/A comparisons in CI would. Within a
 * scenario no report serves twice; across scenarios trials share baselines. Hits are counted
 * exactly, whatever the sampling: the hits variants are profiled with 2 runs of {@code hitsSamples}
 * samples in this JVM ({@code fork=false}, seconds instead of a minute) and checked against an
 * unchanged report of the same kind; their times say nothing. After each round the table so far is printed, so a partial run is still a result.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.GateTrials [trials] [runs] [samples] [scenarios] [hitsSamples]</pre>
 *
 * <p>{@code scenarios}: a regular expression over the scenarios' names, e.g. {@code 'A/A|\+10'}.
 * With {@code -Dlineprof.gate.keep=DIR} every report is also kept in {@code DIR}, numbered in the
 * order recorded; with {@code -Dlineprof.gate.from=DIR} and the same arguments, the kept reports
 * are checked again instead of recorded (after a change of {@code check}'s rule). With {@code
 * -Dlineprof.gate.inTurn=true} each time trial records its two sides in turn, one run of each at a
 * time, and merges each side's runs as {@code lineprof merge --repeats} does.
 */
public final class GateTrials {
  private static final String SLOW_LINE = "    x = Workloads.spin(x, slowRounds);";
  private static final String LOOP_BODY = "      x = Workloads.spin(x, LOOP_ROUNDS);";

  /** The runs of a hits report: the fewest a test needs, so hits trials are judged as usual. */
  private static final int HITS_RUNS = 2;

  /** Where each report is kept, in the order recorded, for checking them again; null: nowhere. */
  private static final String KEEP = System.getProperty("lineprof.gate.keep");

  /** Where reports kept by an earlier run are read from, in their order, instead of recorded. */
  private static final String FROM = System.getProperty("lineprof.gate.from");

  /**
   * Records each time trial's two sides in turn, one run of each at a time, and merges each side's
   * runs ({@code lineprof merge --repeats}), as README's interleaved CI set-up does: both sides see
   * the same stretches of the machine's time. Every trial then records its own baseline.
   */
  private static final boolean IN_TURN = Boolean.getBoolean("lineprof.gate.inTurn");

  private static int reportsRecorded;

  /** What a report changes, and by how much. */
  private record Variant(double slowdown, double moreTrips) {
    String label() {
      return slowdown > 0
          ? String.format(Locale.ROOT, "time+%.0f", 100 * slowdown)
          : moreTrips > 0 ? String.format(Locale.ROOT, "hits+%.0f", 100 * moreTrips) : "same";
    }
  }

  /** A scenario's trials so far. */
  private static final class Tally {
    final String name;
    int trials;
    int flagged;
    int flaggedByHits;
    double seconds;

    Tally(String name) {
      this.name = name;
    }
  }

  private GateTrials() {}

  public static void main(String[] args) throws Exception {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    Pattern only = Pattern.compile(args.length > 3 ? args[3] : ".*");
    int hitsSamples = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    String timed = String.format(Locale.ROOT, "runs=%d,samples=%d,formats=json", runs, samples);
    String hits =
        String.format(
            Locale.ROOT, "runs=%d,samples=%d,fork=false,formats=json", HITS_RUNS, hitsSamples);

    Variant same = new Variant(0, 0);
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (String name :
        List.of(
            "A/A (no change)",
            "line +5 % time",
            "line +10 % time",
            "line +20 % time",
            "loop +5 % hits",
            "loop +10 % hits",
            "loop +20 % hits")) {
      if (only.matcher(name).find()) {
        tallies.put(name, new Tally(name));
      }
    }
    boolean anyTimed = tallies.keySet().stream().anyMatch(n -> !n.contains("hits"));
    boolean anyHits = tallies.keySet().stream().anyMatch(n -> n.contains("hits"));
    System.out.printf(
        Locale.ROOT,
        "lineprof check trials, default rules, harness original mode: %d rounds; time trials %s;"
            + " hits trials %s; %s, JDK %s%n",
        trials,
        timed,
        hits,
        java.time.Instant.now(),
        Runtime.version());
    long start = System.nanoTime();
    double timedSeconds = 0;
    int timedReports = 0;
    double hitsSeconds = 0;
    int hitsReports = 0;
    JsonReportReader.Report previous = null;
    for (int round = 1; round <= trials; round++) {
      if (anyTimed && IN_TURN) {
        long t0 = System.nanoTime();
        String oneRun = String.format(Locale.ROOT, "runs=1,samples=%d,formats=json", samples);
        for (Map.Entry<String, Double> scenario :
            List.of(
                Map.entry("A/A (no change)", 0.0),
                Map.entry("line +5 % time", 0.05),
                Map.entry("line +10 % time", 0.10),
                Map.entry("line +20 % time", 0.20))) {
          Tally tally = tallies.get(scenario.getKey());
          if (tally != null) {
            JsonReportReader.Report[] sides =
                inTurn(oneRun, runs, new Variant(scenario.getValue(), 0));
            trial(tally, round, sides[0], sides[1]);
            timedReports += 2;
          }
        }
        timedSeconds += (System.nanoTime() - t0) / 1e9;
      } else if (anyTimed) {
        long t0 = System.nanoTime();
        int reports = previous == null ? 2 : 1;
        JsonReportReader.Report a1 = previous == null ? profile(timed, same) : previous;
        JsonReportReader.Report b5 = recordIf(tallies, "line +5 % time", timed, 0.05, 0);
        JsonReportReader.Report b10 = recordIf(tallies, "line +10 % time", timed, 0.10, 0);
        JsonReportReader.Report a2 = profile(timed, same);
        JsonReportReader.Report b20 = recordIf(tallies, "line +20 % time", timed, 0.20, 0);
        previous = a2;
        reports += (b5 == null ? 0 : 1) + (b10 == null ? 0 : 1) + (b20 == null ? 0 : 1);
        timedSeconds += (System.nanoTime() - t0) / 1e9;
        timedReports += reports;
        trial(tallies.get("A/A (no change)"), round, a1, a2);
        trial(tallies.get("line +5 % time"), round, a1, b5);
        trial(tallies.get("line +10 % time"), round, a2, b10);
        trial(tallies.get("line +20 % time"), round, a2, b20);
      }
      if (anyHits) {
        long t0 = System.nanoTime();
        JsonReportReader.Report a = profile(hits, same);
        JsonReportReader.Report h5 = recordIf(tallies, "loop +5 % hits", hits, 0, 0.05);
        JsonReportReader.Report h10 = recordIf(tallies, "loop +10 % hits", hits, 0, 0.10);
        JsonReportReader.Report h20 = recordIf(tallies, "loop +20 % hits", hits, 0, 0.20);
        hitsSeconds += (System.nanoTime() - t0) / 1e9;
        hitsReports += 1 + (h5 == null ? 0 : 1) + (h10 == null ? 0 : 1) + (h20 == null ? 0 : 1);
        trial(tallies.get("loop +5 % hits"), round, a, h5);
        trial(tallies.get("loop +10 % hits"), round, a, h10);
        trial(tallies.get("loop +20 % hits"), round, a, h20);
      }
      System.out.print(
          table(
              tallies,
              round,
              timedReports == 0 ? 0 : timedSeconds / timedReports,
              hitsReports == 0 ? 0 : hitsSeconds / hitsReports,
              (System.nanoTime() - start) / 1e9));
    }
  }

  /**
   * A baseline and a candidate report of {@code runs} runs each, recorded one run at a time in turn;
   * which side goes first alternates, so that neither always follows the other.
   */
  private static JsonReportReader.Report[] inTurn(String oneRun, int runs, Variant candidate)
      throws Exception {
    ReportMerge baseline = ReportMerge.ofRepeats();
    ReportMerge slowed = ReportMerge.ofRepeats();
    for (int r = 0; r < runs; r++) {
      if (r % 2 == 0) {
        baseline.add("baseline run " + r, profile(oneRun, new Variant(0, 0)));
        slowed.add("candidate run " + r, profile(oneRun, candidate));
      } else {
        slowed.add("candidate run " + r, profile(oneRun, candidate));
        baseline.add("baseline run " + r, profile(oneRun, new Variant(0, 0)));
      }
    }
    return new JsonReportReader.Report[] {
      new JsonReportReader.Report(baseline.stats(), baseline.runs()),
      new JsonReportReader.Report(slowed.stats(), slowed.runs())
    };
  }

  private static JsonReportReader.Report recordIf(
      Map<String, Tally> tallies, String name, String options, double slowdown, double moreTrips)
      throws Exception {
    return tallies.containsKey(name) ? profile(options, new Variant(slowdown, moreTrips)) : null;
  }

  /** Checks {@code candidate} against {@code baseline} for a scenario, when it runs. */
  private static void trial(
      Tally tally,
      int round,
      JsonReportReader.Report baseline,
      JsonReportReader.Report candidate) {
    if (tally == null || candidate == null) {
      return;
    }
    PerformanceCheck.Outcome outcome =
        PerformanceCheck.check(baseline, candidate, CheckRule.defaults());
    List<PerformanceCheck.Finding> violations = outcome.violations();
    tally.trials++;
    if (!violations.isEmpty()) {
      tally.flagged++;
    }
    if (violations.stream().anyMatch(v -> v.message().contains(": hits "))) {
      tally.flaggedByHits++;
    }
    System.out.printf(
        Locale.ROOT,
        "# %s, trial %d: slowed line %s -> %s, loop body hits %d -> %d: %s%n",
        tally.name,
        round,
        runsOf(baseline, SLOW_LINE),
        runsOf(candidate, SLOW_LINE),
        hitsOf(baseline, LOOP_BODY),
        hitsOf(candidate, LOOP_BODY),
        violations.isEmpty() ? "passed" : "flagged");
    violations.forEach(v -> System.out.println("#   " + v.message()));
  }

  private static String table(
      Map<String, Tally> tallies,
      int rounds,
      double secondsPerTimedReport,
      double secondsPerHitsReport,
      double elapsed) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "== after %d round%s, %.0f s: %.1f s per time report, %.1f s per hits report ==%n"
                + "%-18s %7s %8s %7s %15s %14s%n",
            rounds,
            rounds == 1 ? "" : "s",
            elapsed,
            secondsPerTimedReport,
            secondsPerHitsReport,
            "scenario",
            "trials",
            "flagged",
            "rate",
            "flagged by hits",
            "s per trial"));
    for (Tally t : tallies.values()) {
      boolean isHits = t.name.contains("hits");
      table.append(
          String.format(
              Locale.ROOT,
              "%-18s %7d %8d %6.0f%% %15d %14.0f%n",
              t.name,
              t.trials,
              t.flagged,
              t.trials == 0 ? 0 : 100.0 * t.flagged / t.trials,
              t.flaggedByHits,
              2 * (isHits ? secondsPerHitsReport : secondsPerTimedReport)));
    }
    return table.toString();
  }

  private static FunctionStats function(JsonReportReader.Report report) {
    return report.stats().functions().stream()
        .filter(s -> s.info().name().equals("GateWorkload.run"))
        .findFirst()
        .orElseThrow();
  }

  private static int line(FunctionStats f, String text) {
    return f.info().firstLine() + f.info().lines().indexOf(text);
  }

  /** The time of a line in each run of a report, in microseconds. */
  private static String runsOf(JsonReportReader.Report report, String text) {
    FunctionStats f = function(report);
    int line = line(f, text);
    List<String> runs = new ArrayList<>();
    for (int r = 0; r < f.runCount(); r++) {
      runs.add(String.format(Locale.ROOT, "%.2f", f.runNanos(r, line) / 1e3));
    }
    return runs.isEmpty()
        ? String.format(Locale.ROOT, "[%.2f]", f.nanos(line) / 1e3)
        : runs.toString();
  }

  private static long hitsOf(JsonReportReader.Report report, String text) {
    FunctionStats f = function(report);
    return f.hits(line(f, text));
  }

  /** One report of the workload, its line made slower or its loop longer. */
  private static JsonReportReader.Report profile(String options, Variant variant)
      throws Exception {
    String name =
        String.format(
            Locale.ROOT,
            "%03d-%s-%s.json",
            ++reportsRecorded,
            options.contains("fork=false") ? "hits" : "timed",
            variant.label());
    if (FROM != null) {
      Path kept = Path.of(FROM).resolve(name);
      if (!Files.exists(kept)) {
        System.out.println("# no report " + kept + ": the kept trials end here");
        System.exit(0);
      }
      return JsonReportReader.read(Files.readString(kept));
    }
    int slowRounds = (int) Math.round(GateWorkload.ROUNDS * (1 + variant.slowdown()));
    int trips = (int) Math.round(GateWorkload.LOOP_TRIPS * (1 + variant.moreTrips()));
    Path dir = Files.createTempDirectory("lineprof-gate");
    try {
      LineProfiler.create()
          .options(options)
          .outputDirectory(dir)
          .printTo(null)
          .run(() -> GateWorkload.run(slowRounds, trips));
      String json = Files.readString(dir.resolve("report.json"));
      if (KEEP != null) {
        Path kept = Path.of(KEEP).resolve(name);
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, json);
      }
      return JsonReportReader.read(json);
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
