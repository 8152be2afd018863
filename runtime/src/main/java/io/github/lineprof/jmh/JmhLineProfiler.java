package io.github.lineprof.jmh;

import io.github.lineprof.agent.LineProfAgent;
import io.github.lineprof.internal.run.Runs;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.internal.report.ReportFormat;
import io.github.lineprof.internal.report.RunNotes;
import io.github.lineprof.internal.report.Reports;
import io.github.lineprof.internal.report.TextOptions;
import io.github.lineprof.internal.report.TextReport;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import io.github.lineprof.internal.stats.StatsFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code -prof io.github.lineprof.jmh.JmhLineProfiler}: line tables for any JMH benchmark of annotated
 * code. In the host JVM it adds lineprof's agent to each fork, so the fork runs the instrumented
 * classes; inside the fork it counts only measurement iterations (a snapshot before each, the
 * difference after) and saves them; back in the host it merges all forks and prints the tables as
 * the profiler's result, and writes the report files. Without the flag the same benchmark measures
 * the originals: its score is the baseline.
 *
 * <p>Options ({@code -prof io.github.lineprof.jmh.JmhLineProfiler:output=DIR;unit=1e-6;mode=sampled}):
 * {@code output} the report folder (default {@code target/lineprof/jmh}), {@code unit} the Time
 * column's unit, {@code mode} exact (default) or sampled, {@code calibration} true (default) or false.
 */
public final class JmhLineProfiler implements ExternalProfiler, InternalProfiler {
  private static final String USAGE = "output=DIR;unit=1e-6;mode=exact|sampled;calibration=true|false";

  /** Tells the fork where to save its measurement: {@code <dir>/fork-<pid>.stats}. */
  static final String FORK_DIRECTORY = "lineprof.jmh.forkDirectory";

  private final Path output;
  private final Double unit;
  private final ProbeMode mode;
  private final boolean calibration;

  // Host side: the forks of the current benchmark.
  private Path forkDirectory;
  private String benchmark;
  private ProfileStats merged;
  private List<RunInfo> runs;
  private int forks;

  // Fork side: the measurement so far.
  private ProfileStats before;
  private ProfileStats measured = new ProfileStats(List.of());

  public JmhLineProfiler() throws ProfilerException {
    this("");
  }

  public JmhLineProfiler(String options) throws ProfilerException {
    Map<String, String> parsed = parse(options);
    this.output = Path.of(parsed.getOrDefault("output", "target/lineprof/jmh"));
    this.calibration = !"false".equalsIgnoreCase(parsed.getOrDefault("calibration", "true"));
    try {
      this.mode = ProbeMode.parse(parsed.getOrDefault("mode", "exact"));
    } catch (IllegalArgumentException e) {
      throw new ProfilerException(e.getMessage());
    }
    try {
      this.unit = parsed.containsKey("unit") ? Double.valueOf(parsed.get("unit")) : null;
      TextOptions.defaults().withOutputUnit(unit);
    } catch (IllegalArgumentException e) {
      throw new ProfilerException("lineprof: unit must be a positive number of seconds, e.g. 1e-6: "
          + parsed.get("unit"));
    }
  }

  @Override
  public String getDescription() {
    return "lineprof: line_profiler tables of the @LineProfile methods, measurement iterations only";
  }

  // ---- host JVM ----

  @Override
  public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
    return List.of();
  }

  @Override
  public Collection<String> addJVMOptions(BenchmarkParams params) {
    return List.of(
        "-javaagent:" + agentJar() + "=formats=none,mode=" + mode.label() + ",calibration=" + calibration,
        "-D" + FORK_DIRECTORY + "=" + forkDirectory());
  }

  @Override
  public void beforeTrial(BenchmarkParams params) {
    if (!params.id().equals(benchmark)) {
      benchmark = params.id();
      merged = new ProfileStats(List.of());
      runs = new ArrayList<>();
      forks = 0;
    }
  }

  @Override
  public Collection<? extends Result> afterTrial(BenchmarkResult result, long pid, File stdOut, File stdErr) {
    Path saved = forkDirectory().resolve("fork-" + pid + ".stats");
    try {
      StatsFile.Content fork = StatsFile.read(saved);
      merged = merged.plus(fork.stats());
      runs.addAll(fork.runs());
      Files.delete(saved);
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: the fork saved no line statistics (" + saved + ")", e);
    }
    forks++;
    if (forks < result.getParams().getForks()) {
      return List.of(); // JMH would print one table per fork: print the merged one after the last
    }
    TextOptions text = TextOptions.defaults().withOutputUnit(unit);
    Path directory = output.resolve(benchmark);
    try {
      Reports.write(directory, merged, runs, text, EnumSet.allOf(ReportFormat.class));
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot write the reports to " + directory, e);
    }
    return List.of(new TextResult(TextReport.format(merged, text) + RunNotes.text(runs.subList(0, 1))
        + "Reports of " + forks + " fork(s) written to " + directory.toAbsolutePath() + "\n", "lineprof"));
  }

  @Override
  public boolean allowPrintOut() {
    return true;
  }

  @Override
  public boolean allowPrintErr() {
    return true;
  }

  // ---- forked JVM ----

  @Override
  public void beforeIteration(BenchmarkParams params, IterationParams iteration) {
    if (iteration.getType() == IterationType.MEASUREMENT) {
      before = ProbeRegistry.snapshot();
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams params, IterationParams iteration, IterationResult result) {
    if (iteration.getType() == IterationType.MEASUREMENT) {
      measured = measured.plus(ProbeRegistry.snapshot().minus(before));
      String directory = System.getProperty(FORK_DIRECTORY);
      if (directory == null) {
        throw new IllegalStateException("lineprof: the JMH profiler needs forked runs (-f 1 or more)");
      }
      Path saved = Path.of(directory, "fork-" + ProcessHandle.current().pid() + ".stats");
      try {
        StatsFile.write(saved, Runs.finish(measured), List.of(Runs.describe(settings(params))));
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot save the fork's statistics to " + saved, e);
      }
    }
    return List.of();
  }

  private synchronized Path forkDirectory() {
    if (forkDirectory == null) {
      try {
        forkDirectory = Files.createTempDirectory("lineprof-jmh");
        forkDirectory.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot create a temporary directory", e);
      }
    }
    return forkDirectory;
  }

  private static Map<String, String> settings(BenchmarkParams params) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "jmh");
    settings.put("benchmark", params.id());
    settings.put("mode", params.getMode().shortLabel());
    settings.put("forks", String.valueOf(params.getForks()));
    settings.put("threads", String.valueOf(params.getThreads()));
    settings.put("warmup", params.getWarmup().getCount() + " x " + params.getWarmup().getTime());
    settings.put("measurement", params.getMeasurement().getCount() + " x " + params.getMeasurement().getTime());
    return settings;
  }

  /** The jar this class came from: lineprof-runtime or a benchmarks uber-jar that includes it. */
  private static Path agentJar() {
    try {
      Path jar = Path.of(LineProfAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("lineprof: the agent must be a jar with a Premain-Class, but lineprof's"
            + " runtime was loaded from " + jar + "; run from lineprof-runtime.jar or a benchmarks jar");
      }
      return jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("lineprof: cannot locate lineprof's jar", e);
    }
  }

  private static Map<String, String> parse(String options) throws ProfilerException {
    Map<String, String> parsed = new LinkedHashMap<>();
    List<String> known = List.of("output", "unit", "mode", "calibration");
    for (String option : options == null ? new String[0] : options.split(";")) {
      if (option.isBlank()) {
        continue;
      }
      int eq = option.indexOf('=');
      String key = eq < 0 ? option.trim() : option.substring(0, eq).trim();
      if (eq < 0 || !known.contains(key)) {
        throw new ProfilerException("lineprof: unknown option '" + option + "'; options are " + USAGE);
      }
      parsed.put(key, option.substring(eq + 1).trim());
    }
    return parsed;
  }
}
