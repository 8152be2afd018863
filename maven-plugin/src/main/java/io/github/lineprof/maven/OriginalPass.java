package io.github.lineprof.maven;

import static org.twdata.maven.mojoexecutor.MojoExecutor.executeMojo;
import static org.twdata.maven.mojoexecutor.MojoExecutor.executionEnvironment;
import static org.twdata.maven.mojoexecutor.MojoExecutor.goal;
import static org.twdata.maven.mojoexecutor.MojoExecutor.plugin;

import io.github.lineprof.agent.RecordingAgent;
import io.github.lineprof.internal.run.ManifestOnlyJar;
import io.github.lineprof.internal.run.OriginalRun;
import io.github.lineprof.internal.time.LineTimeAnalysis;
import io.github.lineprof.internal.time.LineTimes;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.internal.time.TimeFilter;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The plugin's original mode: the tests run a second time, on the untouched classes under the
 * flight recorder, after the instrumented run that counted the hits. {@code prepare-agent} asks for
 * it in the project's build context; {@code report} runs surefire's {@code test} goal again with
 * the project's surefire configuration (through mojo-executor), lineprof's agent replaced by the
 * {@link RecordingAgent}, and times the first run's hits with the recordings, as the harness times
 * a scenario's.
 *
 * <p>Only the test JVM's {@code main} thread is timed, where surefire runs the tests (unless they
 * run in parallel): its samples are calibrated to its wall-clock time, as the harness's are to the
 * scenario's thread.
 */
final class OriginalPass {
  private static final String CONTEXT = OriginalPass.class.getName();
  private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
  private static final String TEST_THREAD = "main";

  /**
   * What prepare-agent asked for.
   *
   * @param recordings the folder the second run's recordings go to
   * @param propertyName the property surefire reads its JVM options from
   * @param runtimeJar lineprof-runtime's jar, the first run's agent
   * @param period the recorder's period
   */
  record Request(Path recordings, String propertyName, File runtimeJar, Duration period) {}

  private OriginalPass() {}

  static void request(MavenProject project, Request request) {
    project.setContextValue(CONTEXT, request);
  }

  /** What prepare-agent asked for in this build, or null. */
  static Request requested(MavenProject project) {
    return project.getContextValue(CONTEXT) instanceof Request request ? request : null;
  }

  /**
   * Runs surefire's tests again on the untouched classes under the recorder; a failing test fails
   * nothing (the first run already judged them), its time still counts.
   */
  static void runTests(
      Request request, MavenProject project, MavenSession session, BuildPluginManager plugins)
      throws MojoExecutionException {
    Plugin surefire = project.getPlugin(SUREFIRE);
    if (surefire == null) {
      throw new MojoExecutionException(
          "lineprof: mode=original runs surefire's tests a second time, but the project has no "
              + SUREFIRE);
    }
    Path recordings = request.recordings();
    String property = request.propertyName();
    String argLine = project.getProperties().getProperty(property, "");
    try {
      Files.createDirectories(recordings);
      for (Path old : files(recordings, ".jfr")) {
        Files.delete(old);
        Files.deleteIfExists(RecordingAgent.window(old));
      }
      Path agentJar =
          ManifestOnlyJar.write(
              recordings.resolve("recording-agent.jar"),
              RecordingAgent.class,
              List.of(request.runtimeJar().toPath()));
      String agent =
          AgentJar.argument(
              agentJar.toFile(),
              "output=" + recordings + ",period=" + request.period().toMillis() + "ms");
      String untouched = AgentJar.remove(argLine, request.runtimeJar()).strip();
      project
          .getProperties()
          .setProperty(
              property,
              (untouched + " " + NonSafepointDebugInfo.JVM_OPTIONS + " " + agent).strip());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot prepare the recording in " + recordings + ": " + e, e);
    }
    Xpp3Dom configuration = configuration(surefire);
    set(configuration, "reportsDirectory", recordings.resolve("surefire-reports").toString());
    set(configuration, "testFailureIgnore", "true");
    try {
      executeMojo(
          plugin(surefire.getGroupId(), surefire.getArtifactId(), surefire.getVersion()),
          goal("test"),
          configuration,
          executionEnvironment(project, session, plugins));
    } finally {
      project.getProperties().setProperty(property, argLine);
    }
  }

  /**
   * The second run's recordings charged to {@code hits}' functions: each test JVM's main thread,
   * calibrated to its wall-clock time, summed over the JVMs as one run of the suite.
   */
  static OriginalRun analyze(Request request, ProfileStats hits)
      throws IOException, MojoExecutionException {
    List<Path> recordings = files(request.recordings(), ".jfr");
    if (recordings.isEmpty()) {
      throw new MojoExecutionException(
          "lineprof: the tests' second run (mode=original) wrote no recording into "
              + request.recordings()
              + ": did surefire run a test JVM?");
    }
    List<FunctionInfo> functions = hits.functions().stream().map(f -> f.info()).toList();
    List<OriginalRun> runs = new ArrayList<>();
    for (Path recording : recordings) {
      List<String> window = Files.readAllLines(RecordingAgent.window(recording));
      Instant from = Instant.parse(window.get(0));
      Instant to = Instant.parse(window.get(1));
      Duration wall = Duration.between(from, to);
      TimeFilter mainThread = new TimeFilter(t -> TEST_THREAD.equals(t.getJavaName()), from, to);
      LineTimes times =
          LineTimeAnalysis.analyzeWeighed(recording, functions, mainThread, mainThread);
      runs.add(OriginalRun.of(times, functions, 1, wall.toNanos(), request.period(), true));
    }
    return sum(runs);
  }

  /** The JVMs' runs as one run of the suite. */
  private static OriginalRun sum(List<OriginalRun> runs) {
    ProfileStats lines = new ProfileStats(List.of());
    long wall = 0;
    long samples = 0;
    long blocking = 0;
    long allocations = 0;
    for (OriginalRun run : runs) {
      lines = lines.plus(run.lines());
      wall += run.wallNanos();
      samples += run.samples();
      blocking += run.blockingEvents();
      allocations += run.allocationSamples();
    }
    OriginalRun any = runs.get(0);
    return new OriginalRun(lines, 1, wall, samples, blocking, allocations, any.period(), true);
  }

  /** The default-test execution's configuration (the plugin's merged in), copied. */
  private static Xpp3Dom configuration(Plugin surefire) {
    Object configuration = surefire.getConfiguration();
    for (PluginExecution execution : surefire.getExecutions()) {
      if (execution.getId().equals("default-test") && execution.getConfiguration() != null) {
        configuration = execution.getConfiguration();
      }
    }
    return configuration instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : new Xpp3Dom("configuration");
  }

  private static void set(Xpp3Dom configuration, String name, String value) {
    for (int i = configuration.getChildCount() - 1; i >= 0; i--) {
      if (configuration.getChild(i).getName().equals(name)) {
        configuration.removeChild(i);
      }
    }
    Xpp3Dom child = new Xpp3Dom(name);
    child.setValue(value);
    configuration.addChild(child);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
