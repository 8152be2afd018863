package io.github.lineprof.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
      defaultValue = "${project.build.directory}/lineprof/surefire")
  private File output;

  @Override
  File output() {
    return output;
  }
}
