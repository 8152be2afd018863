package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * lineprof's agent for surefire's test JVMs: reports in {@code target/lineprof/surefire/} by
 * default.
 */
@Mojo(
    name = "prepare-agent",
    defaultPhase = LifecyclePhase.INITIALIZE,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.NONE)
public class PrepareAgentMojo extends AbstractAgentMojo {
  /**
   * Where the agent writes report.txt, report.json, index.html and summary.md when a test JVM
   * exits.
   */
  @Parameter(
      property = "lineprof.output",
      defaultValue = "${project.build.directory}/" + Layout.SUREFIRE_REPORTS)
  private File output;

  @Override
  File output() {
    return output;
  }

  @Override
  boolean requestOriginalPass(MavenProject project, File runtimeJar, ProfileOptions options) {
    Path recordings = output.toPath().toAbsolutePath().resolveSibling("original");
    OriginalPass.request(
        project,
        new OriginalPass.Request(recordings, propertyName(), runtimeJar, options.period()));
    getLog()
        .info(
            "lineprof: mode=original: the tests run twice, with the instrumented classes for the"
                + " hits, then again on the untouched classes under the flight recorder (report"
                + " goal) for the time");
    return true;
  }
}
