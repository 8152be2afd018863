package io.github.lineprof.jmh;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.agent.LineProfAgent;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import io.github.lineprof.probe.ProbeRegistry;
import java.io.File;
import java.net.URISyntaxException;
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
 * {@code -prof io.github.lineprof.jmh.JmhLineProfiler}: line tables for any JMH benchmark of annotated
 * code. In the host JVM it adds lineprof's agent to each fork, so the fork runs the instrumented
 * classes; inside the fork it counts only measurement iterations (a snapshot before each, the
 * difference after) and returns them as a {@link LineProfResult}, which JMH sums over iterations and
 * forks and prints under the score. Without the flag the same benchmark measures the originals.
 *
 * <p>Options are {@link ProfileOptions}'s, e.g. {@code -prof io.github.lineprof.jmh.JmhLineProfiler:mode=sampled;unit=1e-6};
 * reports go to {@code <output>/<benchmark>/} (output defaults to {@code target/lineprof/jmh}).
 */
public final class JmhLineProfiler implements ExternalProfiler, InternalProfiler {
  private final ProfileOptions options;

  // Fork side: the snapshot before the current measurement iteration, and the fork's description.
  private ProfileStats before;
  private List<RunInfo> forkRun;

  public JmhLineProfiler() throws ProfilerException {
    this("");
  }

  public JmhLineProfiler(String options) throws ProfilerException {
    try {
      this.options = ProfileOptions.defaults().with(Map.of("output", "target/lineprof/jmh")).with(options);
    } catch (IllegalArgumentException e) {
      throw new ProfilerException("lineprof: " + e.getMessage());
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
    return List.of("-javaagent:" + agentJar() + "=formats=none,mode=" + options.resolvedMode(false).label()
        + ",calibration=" + options.calibration() + ",spread=" + options.spread());
  }

  @Override
  public void beforeTrial(BenchmarkParams params) {}

  @Override
  public Collection<? extends Result> afterTrial(BenchmarkResult result, long pid, File stdOut, File stdErr) {
    return List.of();
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
    if (iteration.getType() != IterationType.MEASUREMENT) {
      return List.of();
    }
    Profile profile = RunPipeline.timedByCopy(ProbeRegistry.snapshot().minus(before), settings(params));
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
}
