package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sample HTML report for the headless-browser check ({@code
 * src/test/browser/screenshot.sh}): the demo's numbers, a never-run function, and a line that would
 * run script if it were not escaped.
 *
 * <p>Usage: {@code java -cp report/target/classes:report/target/test-classes
 * io.github.lineprof.report.HtmlSample <directory>}
 */
public final class HtmlSample {
  private HtmlSample() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args.length > 0 ? args[0] : "runtime/target/html-sample");
    HtmlReport.write(stats(), List.of(run()), null, directory);
    System.out.println(directory.resolve("index.html").toAbsolutePath());
  }

  static ProfileStats stats() {
    FunctionStats step =
        new FunctionStats(
            new FunctionInfo(
                "io/github/lineprof/demo/Simulation.java",
                "Simulation.step",
                20,
                List.of(
                    "@LineProfile",
                    "public static int[][] step(int rows, int cols) {",
                    "  ThreadLocalRandom random = ThreadLocalRandom.current();",
                    "  int[][] steps = new int[rows][cols];",
                    "  for (int i = 0; i < rows; i++) {",
                    "    for (int j = 0; j < cols; j++) {",
                    "      steps[i][j] = random.nextDouble() < 0.5 ? 1 : -1;",
                    "    }",
                    "  }",
                    "  return steps;",
                    "}")),
            new long[] {0, 0, 1, 1, 51, 500050, 500000, 0, 0, 1, 0},
            new long[] {0, 0, 1633, 192410, 2414, 15649705, 17646903, 0, 0, 6773, 0});
    FunctionStats simulate =
        new FunctionStats(
            new FunctionInfo(
                "io/github/lineprof/demo/Simulation.java",
                "Simulation.simulate",
                33,
                List.of(
                    "@LineProfile",
                    "public static int[][] simulate(int iterations, int n) {",
                    "  int[][] s = step(iterations, n);",
                    "  int[][] x = cumulativeSum(s);",
                    "  int[] bins = range(BINS_START, BINS_STOP, 1);",
                    "  int[][] y = new int[iterations][];",
                    "  for (int i = 0; i < iterations; i++) {",
                    "    y[i] = histogram(x[i], bins);",
                    "  }",
                    "  return y;",
                    "}")),
            new long[] {0, 0, 1, 1, 1, 1, 51, 50, 0, 1, 0},
            new long[] {0, 0, 33505098, 403394, 8225, 3026, 6522, 10489622, 0, 3166, 0});
    FunctionStats escaped =
        new FunctionStats(
            new FunctionInfo(
                "com/example/Html<&>\"Quotes\".java",
                "Html.<clinit>",
                5,
                List.of(
                    "static {",
                    "\tString s = \"<script>alert(1)</script>\" + 'q' + (a && b);",
                    "  log(s);",
                    "  if (s.isEmpty()) return;",
                    "}")),
            new long[] {0, 1, 1, 1, 0},
            new long[] {0, 1200, 300, 150, 0});
    FunctionStats neverRun =
        new FunctionStats(
            new FunctionInfo(
                "io/github/lineprof/demo/Simulation.java",
                "Simulation.unused",
                50,
                List.of("@LineProfile", "static int unused() {", "  return 42;", "}")),
            new long[4],
            new long[4]);
    return new ProfileStats(List.of(step, simulate, escaped, neverRun));
  }

  static RunInfo run() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("warmup", "20");
    settings.put("measure", "1");
    return new RunInfo(
            Instant.parse("2026-11-25T20:38:48Z"),
            "exact",
            settings,
            new RunInfo.Jvm(
                "Eclipse Adoptium",
                "17.0.12",
                "OpenJDK 64-Bit Server VM",
                "17.0.12+7",
                List.of("-Xmx512m")),
            new RunInfo.Machine("Linux", "6.1.0", "amd64", 2))
        .withSources("instrumented copy, 51 invocations", "probes of the copy, exact mode");
  }
}
