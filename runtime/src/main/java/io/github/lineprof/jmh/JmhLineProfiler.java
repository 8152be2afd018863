package io.github.lineprof.jmh;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.internal.run.OriginalRun;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
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
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code -prof io.github.lineprof.jmh.JmhLineProfiler}: line tables for any JMH benchmark of
 * annotated code, as a {@link LineProfResult} that JMH sums over iterations and forks and prints
 * under the score.
 *
 * <p>Original mode (the default): the forks run the untouched original under the flight recorder
 * ({@link ForkRecording}), so the score printed is the original's; after the first fork the host
 * runs the instrumented copy of the same benchmark once for the Hits ({@link HitsRun}), and after
 * each fork it charges the fork's samples to the lines, scaled to the invocations the hits count.
 * JMH's measurement iterations decide how long it records ({@code samples} and {@code maxTime} are
 * the harness's); {@code period} applies.
 *
 * <p>Exact and sampled modes: the host adds lineprof's agent to each fork, so the fork runs the
 * instrumented classes, whose probes count and time; inside the fork the profiler counts only
 * measurement iterations (a snapshot before each, the difference after).
 *
 * <p>Options are {@link ProfileOptions}'s, e.g. {@code -prof
 * io.github.lineprof.jmh.JmhLineProfiler:mode=sampled;unit=1e-6}; reports go to {@code
 * <output>/<benchmark>/} (output defaults to {@code target/lineprof/jmh}).
 */
public final class JmhLineProfiler implements ExternalProfiler, InternalProfiler {
  private final String optionsText;
  private final ProfileOptions options;
  private final Mode mode;

  /** How the forks get lineprof's agent: every mode's, as original mode's hits fork needs it. */
  private final ForkAgent agent;

  // Host side, original mode: the next fork's recording, and the hits of this benchmark once
  // counted.
  private Path recording;
  private HitsRun hits;

  // Fork side: original mode's recording; the other modes' snapshot before the current measurement
  // iteration, and the fork's description.
  private final ForkRecording forkRecording;
  private ProfileStats before;
  private List<RunInfo> forkRun;

  public JmhLineProfiler() throws ProfilerException {
    this("");
  }

  /** The profiler's options from {@code -prof JmhLineProfiler:text}, over its defaults. */
  static ProfileOptions parse(String text) {
    ProfileOptions options =
        ProfileOptions.defaults().with(Map.of("output", "target/lineprof/jmh")).with(text);
    OptionTable.requireReadBy(Launcher.JMH, options);
    return options;
  }

  /** A fork's agent options: the profiler's that the agent reads, in {@code mode}, no reports. */
  static String forkAgentOptions(ProfileOptions options, Mode mode) {
    return String.join(
        ",",
        OptionTable.settingsReadBy(
            Launcher.AGENT, options.with(Map.of("formats", "none", "mode", mode.label()))));
  }

  public JmhLineProfiler(String options) throws ProfilerException {
    try {
      this.options = parse(options);
    } catch (IllegalArgumentException e) {
      throw new ProfilerException("lineprof: " + e.getMessage());
    }
    this.optionsText = options;
    this.mode = this.options.resolvedMode(true);
    this.agent = ForkAgent.locate();
    this.forkRecording =
        mode == Mode.ORIGINAL ? ForkRecording.inThisFork(this.options.period()) : null;
  }

  @Override
  public String getDescription() {
    return "lineprof: line_profiler tables of the @LineProfile methods, measurement iterations only; by default"
        + " the forks run the original under JFR and one instrumented fork counts the hits";
  }

  // ---- host JVM ----

  @Override
  public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
    return List.of();
  }

  /** Called per fork, and forks run one after the other: each gets its own recording. */
  @Override
  public Collection<String> addJVMOptions(BenchmarkParams params) {
    if (mode == Mode.ORIGINAL) {
      try {
        if (recording != null) {
          Files.deleteIfExists(
              recording); // left by a fork that failed, so JMH did not call afterTrial
        }
        recording = Files.createTempFile("lineprof-jmh", ".jfr");
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot create the fork's recording file", e);
      }
      return ForkRecording.jvmOptions(recording);
    }
    // the fork's agent takes this profiler's options that it reads, less the reports: the host
    // writes those
    return List.of(agent.jvmOption(forkAgentOptions(options, mode)));
  }

  @Override
  public void beforeTrial(BenchmarkParams params) {}

  /**
   * Original mode: the fork's recording charged to the lines the hits run found, as this fork's
   * result.
   */
  @Override
  public Collection<? extends Result> afterTrial(
      BenchmarkResult result, long pid, File stdOut, File stdErr) {
    if (mode != Mode.ORIGINAL) {
      return List.of();
    }
    BenchmarkParams params = result.getParams();
    try {
      if (hits == null) {
        // JMH printed "# Processing profiler results: JmhLineProfiler"; this takes as long as a
        // fork
        System.out.print("(lineprof: counting the hits in one instrumented fork) ");
        System.out.flush();
        hits = HitsRun.of(params, optionsText);
        String nothing = HitsRun.nothingCounted(hits.result().stats(), params.id());
        if (nothing != null) {
          System.out.println(); // ends JMH's "Processing profiler results" line
          System.err.println(nothing);
        }
      }
      ProfileStats counted = hits.result().stats();
      List<FunctionInfo> functions = counted.functions().stream().map(FunctionStats::info).toList();
      OriginalRun original =
          ForkRecording.analyze(
              recording,
              functions,
              params.getThreads(),
              HitsRun.measuredOps(result),
              options.period());
      Profile profile =
          RunPipeline.timedByOriginal(counted, original, hits.measuredOps(), settings(params));
      return List.of(
          new LineProfResult(
              profile.stats(),
              profile.runs(),
              options.settings(),
              params.id(),
              original.controlNanos()));
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot read the recording of " + params.id(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "lineprof: interrupted while counting the hits of " + params.id(), e);
    }
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
    if (forkRecording != null) {
      forkRecording.beforeIteration(iteration);
    } else if (mode != Mode.ORIGINAL && iteration.getType() == IterationType.MEASUREMENT) {
      before = ProbeCounts.snapshot();
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams params, IterationParams iteration, IterationResult result) {
    if (forkRecording != null) {
      try {
        forkRecording.afterIteration(iteration);
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot write the fork's recording", e);
      }
      return List.of();
    }
    if (mode == Mode.ORIGINAL || iteration.getType() != IterationType.MEASUREMENT) {
      return List.of();
    }
    Profile profile =
        RunPipeline.timedByCopy(ProbeCounts.snapshot().minus(before), settings(params));
    if (forkRun == null) {
      forkRun = profile.runs(); // one description per fork, however many iterations it sums
    }
    return List.of(new LineProfResult(profile.stats(), forkRun, options.settings(), params.id()));
  }

  private static Map<String, String> settings(BenchmarkParams params) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "jmh");
    settings.put("benchmark", params.id());
    settings.put("mode", params.getMode().shortLabel());
    settings.put("forks", String.valueOf(params.getForks()));
    settings.put("threads", String.valueOf(params.getThreads()));
    settings.put("warmup", params.getWarmup().getCount() + " x " + params.getWarmup().getTime());
    settings.put(
        "measurement",
        params.getMeasurement().getCount() + " x " + params.getMeasurement().getTime());
    return settings;
  }
}
