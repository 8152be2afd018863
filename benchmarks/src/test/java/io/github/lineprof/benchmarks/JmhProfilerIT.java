package io.github.lineprof.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.FunctionProfile;
import io.github.lineprof.jmh.JmhLineProfiler;
import io.github.lineprof.jmh.LineProfResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH profiler's wiring, on a benchmark with a known invocation count: forks run the
 * instrumented copy (or, in original mode, the original with the copy's hits), warm-up iterations
 * are left out, and forks are summed exactly. (Not a performance test: single shots, a few
 * milliseconds of work, and loose bounds where a score is compared.)
 */
class JmhProfilerIT {
  static {
    // Not timed, so other builds' JMH runs on the same machine may share it; JMH reads this once,
    // when its Runner class loads, which is after this.
    System.setProperty("jmh.ignoreLock", "true");
  }

  @TempDir Path dir;

  private static RunResult run(ChainedOptionsBuilder options) throws Exception {
    Collection<RunResult> results = new Runner(options.build()).run();
    assertThat(results).hasSize(1);
    return results.iterator().next();
  }

  private RunResult profiled(ChainedOptionsBuilder options, String mode) throws Exception {
    return run(options.addProfiler(JmhLineProfiler.class, "output=" + dir.resolve(mode) + ";mode=" + mode));
  }

  private static FunctionProfile function(RunResult result, String name) {
    LineProfResult lines = (LineProfResult) result.getAggregatedResult().getSecondaryResults().get("lineprof");
    return lines.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private FunctionProfile sum(int forks, String mode) throws Exception {
    return function(profiled(new OptionsBuilder().include(ExactCountBenchmark.class.getName()).forks(forks), mode),
        "Workloads.sum");
  }

  /** Workloads.sum as the JSON report the profiler wrote in {@code mode} says it. */
  private FunctionStats writtenSum(String mode) throws Exception {
    Path report;
    try (Stream<Path> files = Files.walk(dir.resolve(mode))) {
      report = files.filter(f -> f.getFileName().toString().equals("report.json")).findFirst().orElseThrow();
    }
    return JsonReportReader.read(Files.readString(report))
        .stats().functions().stream().filter(f -> f.info().name().equals("Workloads.sum")).findFirst().orElseThrow();
  }

  /** Workloads.accuracy for a second or two: long enough for the recorder's samples. */
  private static ChainedOptionsBuilder accuracy() {
    return new OptionsBuilder().include(AccuracyBenchmark.class.getName() + ".accuracy$").forks(1)
        .warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(2).measurementTime(TimeValue.milliseconds(500));
  }

  @Test
  void countsOnlyMeasurementIterationsAndSumsForksExactly() throws Exception {
    FunctionProfile one = sum(1, "exact");
    FunctionProfile two = sum(2, "exact");

    int header = one.firstLine() + 3; // for (int i = 0; i < values.length; i++) {
    assertThat(one.line(header).hits()).isEqualTo(ExactCountBenchmark.MEASURED_CALLS * (ExactCountBenchmark.LENGTH + 1L));
    for (int line = one.firstLine(); line <= one.lastLine(); line++) {
      assertThat(two.line(line).hits()).isEqualTo(2 * one.line(line).hits());
    }
    // the report of the two forks keeps each fork's times apart, their mean the summed times
    FunctionStats written = writtenSum("exact");
    assertThat(written.runCount()).isEqualTo(2);
    for (int line = two.firstLine(); line <= two.lastLine(); line++) {
      assertThat((written.runNanos(0, line) + written.runNanos(1, line)) / 2).isEqualTo(two.line(line).nanos());
    }
  }

  @Test
  void originalModeKeepsEachForksTimesAndTheSpeedControlItTimed() throws Exception {
    FunctionProfile two = sum(2, "original");
    FunctionStats written = writtenSum("original");
    assertThat(written.runCount()).isEqualTo(2);
    // lineprof check divides each fork's time of the function by the control's time in that fork
    assertThat(written.hasRunControl()).isTrue();
    for (int fork = 0; fork < 2; fork++) {
      assertThat(written.runControl(fork)).isGreaterThan(0L);
    }
    assertThat(two.line(two.firstLine() + 3).hits()).isGreaterThan(0L);
  }

  @Test
  void everyModeCountsTheSameHits() throws Exception {
    FunctionProfile exact = sum(1, "exact");
    for (String mode : new String[] {"sampled", "original"}) {
      FunctionProfile other = sum(1, mode);
      for (int line = exact.firstLine(); line <= exact.lastLine(); line++) {
        assertThat(other.line(line).hits()).isEqualTo(exact.line(line).hits());
      }
    }
  }

  @Test
  void originalModeScoresTheOriginalAndTimesItsLines() throws Exception {
    double plain = run(accuracy()).getPrimaryResult().getScore();
    RunResult original = profiled(accuracy(), "original");

    // The score is the original's: the instrumented copy's would be several times slower (probes on
    // 4,000 line events a call); a shared machine's noise stays well within 2x.
    assertThat(original.getPrimaryResult().getScore()).isLessThan(2 * plain);
    FunctionProfile lines = function(original, "Workloads.accuracy");
    int first = lines.firstLine();
    for (int spin = first + 2; spin <= first + 4; spin++) { // long a = spin(...); b; c
      assertThat(lines.line(spin).hits()).isGreaterThan(0L);
      assertThat(lines.line(spin).nanos()).isGreaterThan(0L);
    }
    // the longest spin takes the most time
    assertThat(lines.line(first + 4).nanos()).isGreaterThan(lines.line(first + 2).nanos());
  }
}
