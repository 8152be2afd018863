package io.github.lineprof.maven;

import io.github.lineprof.internal.run.OriginalRun;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The tables of everything this module's tests ran, surefire's and failsafe's together, in {@code
 * target/lineprof/}.
 */
// test scope: in original mode it runs surefire again, which needs the project's test class path
@Mojo(
    name = "report",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class ReportMojo extends AbstractReportMojo {
  /**
   * Where to look for the agent's reports; by default, where the two prepare goals have it write.
   */
  @Parameter private List<File> dataDirectories;

  /** prepare-agent's {@code output}, read from the same property. */
  @Parameter(
      property = "lineprof.output",
      defaultValue = "${project.build.directory}/" + Layout.SUREFIRE_REPORTS)
  private File surefireOutput;

  /** prepare-agent-integration's {@code output}, read from the same property. */
  @Parameter(
      property = "lineprof.integrationOutput",
      defaultValue = "${project.build.directory}/" + Layout.FAILSAFE_REPORTS)
  private File failsafeOutput;

  @Parameter(
      property = "lineprof.reportDirectory",
      defaultValue = "${project.build.directory}/lineprof")
  private File outputDirectory;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Component private BuildPluginManager plugins;

  /**
   * In original mode (prepare-agent's {@code mode=original}), the tests' second run on the
   * untouched classes under the recorder, whose time replaces the first run's.
   */
  @Override
  Profile timed(Profile merged) throws MojoExecutionException {
    OriginalPass.Request original = OriginalPass.requested(project);
    if (original == null) {
      return merged;
    }
    getLog().info("lineprof: mode=original: running the tests again on the untouched classes");
    OriginalPass.runTests(original, project, session, plugins);
    try {
      OriginalRun run = OriginalPass.analyze(original, merged.stats());
      getLog()
          .info(
              "lineprof: time of the untouched classes from "
                  + run.samples()
                  + " samples and "
                  + run.blockingEvents()
                  + " blocking events of the tests' thread");
      return RunPipeline.timedByOriginal(
          merged.stats(),
          run,
          1,
          Map.of(
              "launcher",
              "maven-plugin",
              "tests",
              "run twice: hits from the instrumented classes, time from a second run of the"
                  + " untouched classes"));
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException(
          "lineprof: cannot read the recordings in " + original.recordings() + ": " + e, e);
    }
  }

  @Override
  List<File> dataDirectories() {
    if (dataDirectories != null && !dataDirectories.isEmpty()) {
      return dataDirectories;
    }
    return List.of(surefireOutput, failsafeOutput);
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }
}
