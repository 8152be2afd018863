package io.github.lineprof.jmh;

import static io.github.lineprof.internal.run.OriginalFork.read;
import static io.github.lineprof.internal.run.OriginalFork.write;

import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Original mode's Hits: one fork of the same benchmark (same parameters, mode, threads, iterations,
 * JVM and its arguments) running the instrumented copy under lineprof's agent in sampled mode,
 * whose probes count the same hits as exact mode's at less cost.
 *
 * <p>It runs in a JMH host JVM of its own: the host running the user's benchmarks holds JMH's lock,
 * which a second {@link Runner} in the same JVM cannot take, and {@code jmh.ignoreLock} is read
 * once, when JMH's {@code Runner} class loads, before any profiler is created.
 *
 * @param result the fork's line statistics, hits and function infos
 * @param measuredOps the operations of its measurement iterations, which the hits count
 */
record HitsRun(LineProfResult result, long measuredOps) {

  /**
   * Runs the instrumented copy of {@code params}'s benchmark; {@code profilerOptions} as given to
   * -prof.
   */
  static HitsRun of(BenchmarkParams params, String profilerOptions)
      throws IOException, InterruptedException {
    Path request = Files.createTempFile("lineprof-hits", ".request");
    Path answer = Files.createTempFile("lineprof-hits", ".answer");
    try {
      write(request, options(params, profilerOptions));
      Process host =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Djmh.ignoreLock=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  HitsRun.class.getName(),
                  request.toString(),
                  answer.toString())
              .inheritIO()
              .start();
      int exit = host.waitFor();
      Object result = Files.size(answer) == 0 ? null : read(answer);
      if (exit != 0 || !(result instanceof RunResult run)) {
        throw new IllegalStateException(
            "lineprof: the instrumented run that counts the hits of "
                + params.id()
                + " failed (exit "
                + exit
                + ")"
                + (result instanceof String message ? ": " + message : ""));
      }
      return of(run.getAggregatedResult());
    } finally {
      Files.deleteIfExists(request);
      Files.deleteIfExists(answer);
    }
  }

  private static HitsRun of(BenchmarkResult result) {
    if (!(result.getSecondaryResults().get(LineProfResult.LABEL) instanceof LineProfResult hits)) {
      throw new IllegalStateException(
          "lineprof: the instrumented run of "
              + result.getParams().id()
              + " returned no line statistics");
    }
    return new HitsRun(hits, measuredOps(result));
  }

  /**
   * Why the instrumented run of {@code benchmark} counted no hit, in one line, or null when a
   * profiled line ran: the run's own agent says so only in its fork, whose output is silenced.
   */
  static String nothingCounted(ProfileStats stats, String benchmark) {
    if (stats.functions().stream().mapToLong(FunctionStats::totalHits).sum() > 0) {
      return null;
    }
    return "lineprof: the instrumented run of "
        + benchmark
        + " ran no profiled line: "
        + (stats.functions().isEmpty()
            ? "no class it ran has an instrumented copy (a benchmark jar of another module's"
                + " classes needs that module's jar of classifier lineprof on its class path)"
            : "the benchmark calls none of the @LineProfile methods whose copies it loaded");
  }

  /** The operations of a fork's measurement iterations. */
  static long measuredOps(BenchmarkResult result) {
    return result.getIterationResults().stream()
        .map(IterationResult::getMetadata)
        .mapToLong(metadata -> metadata.getMeasuredOps())
        .sum();
  }

  /** The profiler's options in sampled mode and without reports, each option once. */
  static String hitsRunOptions(String profilerOptions) {
    return JmhLineProfiler.parse(profilerOptions)
        .with(Map.of("mode", "sampled", "formats", "none"))
        .settings()
        .entrySet()
        .stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /** Exactly {@code params}'s benchmark, one fork, this profiler in sampled mode, no output. */
  static Options options(BenchmarkParams params, String profilerOptions) {
    IterationParams warmup = params.getWarmup();
    IterationParams measurement = params.getMeasurement();
    List<String> jvmArgs = new ArrayList<>(params.getJvmArgs());
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(params.getBenchmark()) + "$")
            .mode(params.getMode())
            .timeUnit(params.getTimeUnit())
            .threads(params.getThreads())
            .threadGroups(params.getThreadGroups())
            .syncIterations(params.shouldSynchIterations())
            .warmupIterations(warmup.getCount())
            .warmupTime(warmup.getTime())
            .warmupBatchSize(warmup.getBatchSize())
            .measurementIterations(measurement.getCount())
            .measurementTime(measurement.getTime())
            .measurementBatchSize(measurement.getBatchSize())
            .operationsPerInvocation(params.getOpsPerInvocation())
            .timeout(params.getTimeout())
            .forks(1)
            .warmupForks(0)
            .jvm(params.getJvm())
            // params' arguments are already prepend + args + append; empty the others so none
            // repeats
            .jvmArgs(jvmArgs.toArray(new String[0]))
            .jvmArgsPrepend()
            .jvmArgsAppend()
            .verbosity(VerboseMode.SILENT)
            .addProfiler(JmhLineProfiler.class, hitsRunOptions(profilerOptions));
    for (String key : params.getParamsKeys()) {
      options.param(key, params.getParam(key));
    }
    return options.build();
  }

  /**
   * The JMH host of the instrumented run: runs the requested options, answers with the run's
   * result.
   */
  public static void main(String[] args) throws IOException {
    Path answer = Path.of(args[1]);
    try {
      List<RunResult> results = new ArrayList<>(new Runner((Options) read(Path.of(args[0]))).run());
      if (results.size() != 1) {
        throw new IllegalStateException(results.size() + " benchmarks matched, not 1");
      }
      write(answer, results.get(0));
    } catch (Exception | Error e) {
      write(answer, e.toString());
      System.exit(1);
    }
  }
}
