package io.github.lineprof.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The tables of everything this module's tests ran, surefire's and failsafe's together, in {@code
 * target/lineprof/}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractReportMojo {
  /**
   * Where to look for the agent's reports; by default, where the two prepare goals have it write.
   */
  @Parameter private List<File> dataDirectories;

  /** prepare-agent's {@code output}, read from the same property. */
  @Parameter(
      property = "lineprof.output",
      defaultValue = "${project.build.directory}/lineprof/surefire")
  private File surefireOutput;

  /** prepare-agent-integration's {@code output}, read from the same property. */
  @Parameter(
      property = "lineprof.integrationOutput",
      defaultValue = "${project.build.directory}/lineprof/failsafe")
  private File failsafeOutput;

  @Parameter(
      property = "lineprof.reportDirectory",
      defaultValue = "${project.build.directory}/lineprof")
  private File outputDirectory;

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
