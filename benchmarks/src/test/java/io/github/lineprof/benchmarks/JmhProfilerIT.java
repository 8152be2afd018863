package io.github.lineprof.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.jmh.JmhLineProfiler;
import io.github.lineprof.cli.JsonReportReader;
import io.github.lineprof.internal.stats.FunctionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH profiler's wiring, on a benchmark with a known invocation count: forks run the
 * instrumented copy, warm-up iterations are left out, and forks are summed exactly. (Not a
 * performance test: single shots, a few milliseconds of work.)
 */
class JmhProfilerIT {
  @TempDir Path dir;

  private FunctionStats profile(int forks, String mode) throws Exception {
    Path output = dir.resolve(forks + "-" + mode);
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ExactCountBenchmark.class.getName())
        .forks(forks)
        .addProfiler(JmhLineProfiler.class, "output=" + output + ";mode=" + mode)
        .build()).run();
    assertThat(results).hasSize(1);
    assertThat(results.iterator().next().getSecondaryResults()).containsKey("lineprof");
    try (var reports = Files.list(output)) {
      Path report = reports.findFirst().orElseThrow().resolve("report.json");
      return JsonReportReader.read(Files.readString(report)).stats().functions().stream()
          .filter(f -> f.info().name().equals("Workloads.sum"))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void countsOnlyMeasurementIterationsAndSumsForksExactly() throws Exception {
    FunctionStats one = profile(1, "exact");
    FunctionStats two = profile(2, "exact");

    int header = one.info().firstLine() + 3; // for (int i = 0; i < values.length; i++) {
    assertThat(one.hits(header)).isEqualTo(ExactCountBenchmark.MEASURED_CALLS * (ExactCountBenchmark.LENGTH + 1L));
    for (int line = one.info().firstLine(); line <= one.info().lastLine(); line++) {
      assertThat(two.hits(line)).isEqualTo(2 * one.hits(line));
    }
  }

  @Test
  void sampledModeCountsTheSameHits() throws Exception {
    FunctionStats exact = profile(1, "exact");
    FunctionStats sampled = profile(1, "sampled");

    for (int line = exact.info().firstLine(); line <= exact.info().lastLine(); line++) {
      assertThat(sampled.hits(line)).isEqualTo(exact.hits(line));
    }
  }
}
