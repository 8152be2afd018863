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
  /** Where prepare-agent and prepare-agent-integration had the agent write. */
  @Parameter private List<File> dataDirectories;

  @Parameter(
      property = "lineprof.reportDirectory",
      defaultValue = "${project.build.directory}/lineprof")
  private File outputDirectory;

  @Override
  List<File> dataDirectories() {
    if (dataDirectories != null && !dataDirectories.isEmpty()) {
      return dataDirectories;
    }
    File base = new File(project.getBuild().getDirectory(), "lineprof");
    return List.of(new File(base, "surefire"), new File(base, "failsafe"));
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }
}
