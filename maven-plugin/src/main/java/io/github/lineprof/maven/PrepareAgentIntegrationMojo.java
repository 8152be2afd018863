package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

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

  /**
   * Integration tests need their pre- and post-integration-test phases around them, so they are not
   * run twice: they run without lineprof, and surefire's tests keep their original mode.
   */
  @Override
  boolean requestOriginalPass(MavenProject project, File runtimeJar, ProfileOptions options) {
    String property = propertyName();
    project
        .getProperties()
        .setProperty(
            property,
            AgentJar.remove(project.getProperties().getProperty(property, ""), runtimeJar).strip());
    getLog()
        .warn(
            "lineprof: mode=original runs surefire's tests twice, not failsafe's integration tests"
                + " (they need their pre- and post-integration-test phases): they run without"
                + " lineprof. Use mode=sampled or mode=exact for them.");
    return false;
  }
}
