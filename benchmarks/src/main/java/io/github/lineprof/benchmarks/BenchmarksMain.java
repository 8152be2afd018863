package io.github.lineprof.benchmarks;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.jmh.SideBySide;
import io.github.lineprof.jmh.SideBySide.Comparison;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code java -jar benchmarks.jar}: without arguments, the whole comparison of BENCHMARKS.md (cost and
 * totals in every mode, the demo's shares against a JFR recording made by hand, accuracy in every
 * mode), printed together at the end; with arguments, plain JMH ({@code org.openjdk.jmh.Main}).
 */
public final class BenchmarksMain {
  private static final List<String> SIDE_BY_SIDE = List.of(
      OverheadBenchmark.class.getName() + ".sum", OverheadBenchmark.class.getName() + ".cheapLines",
      SimulationBenchmark.class.getName() + ".simulate");
  private static final String[] JMH_OPTIONS = {"-f", "1", "-wi", "5", "-w", "1", "-i", "10", "-r", "1"};
  /** Demo target: each line of simulate within this many points of the recording made by hand. */
  private static final double DEMO_POINTS = 2;

  private BenchmarksMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    // Each benchmark plain, then profiled in every mode right after: on a shared machine the load
    // drifts over minutes, so the runs compared are kept as close in time as they can be.
    Map<String, RunResult> plain = new TreeMap<>();
    Map<String, Map<String, RunResult>> profiled = new LinkedHashMap<>();
    AccuracyCheck.MODES.forEach(mode -> profiled.put(mode, new TreeMap<>()));
    for (String benchmark : SIDE_BY_SIDE) {
      String[] jmhArgs = Stream.concat(Stream.of("^" + Pattern.quote(benchmark) + "$"), Arrays.stream(JMH_OPTIONS))
          .toArray(String[]::new);
      CommandLineOptions options = new CommandLineOptions(jmhArgs);
      plain.putAll(SideBySide.plain(options));
      for (String mode : AccuracyCheck.MODES) {
        profiled.get(mode).putAll(SideBySide.profiled(options, "mode=" + mode));
      }
    }
    Map<String, Comparison> byMode = new LinkedHashMap<>();
    profiled.forEach((mode, results) -> byMode.put(mode, new Comparison(plain, results)));
    Map<Integer, Long> byHand = HandRecording.simulateSamples();
    String accuracy = AccuracyCheck.check(5);

    StringBuilder out = new StringBuilder("\n==== lineprof benchmarks ====\n");
    byMode.forEach((mode, comparison) -> out.append("\nmode=").append(mode).append(comparison.text()));
    FunctionProfile simulate = Comparison.mainFunction(byMode.get("original").profiled().values().stream()
        .filter(r -> r.getParams().getBenchmark().equals(SimulationBenchmark.class.getName() + ".simulate"))
        .findFirst().orElseThrow());
    out.append(demoShares(simulate, byHand)).append(accuracy);
    System.out.print(out);
  }

  /** simulate's line shares in original mode's table against the recording made by hand. */
  static String demoShares(FunctionProfile table, Map<Integer, Long> byHand) {
    long handTotal = byHand.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nDemo %s: %% Time of original mode's table vs a JFR recording by hand (%d samples)%n%-6s %8s %8s %7s%n",
        table.name(), handTotal, "line", "table %", "hand %", "diff"));
    TreeSet<Integer> lines = new TreeSet<>(byHand.keySet());
    for (int line = table.firstLine(); line <= table.lastLine(); line++) {
      if (table.line(line).nanos() > 0) {
        lines.add(line);
      }
    }
    double worst = 0;
    for (int line : lines) {
      double t = 100.0 * table.line(line).nanos() / table.totalNanos();
      double h = 100.0 * byHand.getOrDefault(line, 0L) / handTotal;
      worst = Math.max(worst, Math.abs(t - h));
      out.append(String.format(Locale.ROOT, "%-6d %8.1f %8.1f %+7.1f%n", line, t, h, t - h));
    }
    return out.append(String.format(Locale.ROOT, "worst difference: %.1f points (target %.0f)%n", worst,
        DEMO_POINTS)).toString();
  }
}
