package io.github.lineprof.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * lineprof's agent for failsafe's JVMs: sets the same property after surefire has run, so
 * integration tests get reports of their own, in {@code target/lineprof/failsafe/} by default.
 */
@Mojo(
    name = "prepare-agent-integration",
    defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.NONE)
public class PrepareAgentIntegrationMojo extends AbstractAgentMojo {
  /**
   * Where the agent writes report.txt, report.json, index.html and summary.md when a test JVM
   * exits.
   */
  @Parameter(
      property = "lineprof.integrationOutput",
      defaultValue = "${project.build.directory}/lineprof/failsafe")
  private File output;

  @Override
  File output() {
    return output;
  }
}
