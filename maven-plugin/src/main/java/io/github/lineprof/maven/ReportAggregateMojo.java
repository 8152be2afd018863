package io.github.lineprof.maven;

import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * The tables of a multi-module build, in {@code target/lineprof/aggregate/}: this module's tests'
 * reports and those of every module of the build it depends on, as JaCoCo's report-aggregate. Bind
 * it in the module that depends on the others (it runs after them), e.g. the one that holds the
 * integration tests.
 */
@Mojo(
    name = "report-aggregate",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class ReportAggregateMojo extends AbstractReportMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(
      property = "lineprof.aggregateDirectory",
      defaultValue = "${project.build.directory}/lineprof/aggregate")
  private File outputDirectory;

  @Override
  List<File> dataDirectories() {
    Set<String> dependencies =
        project.getArtifacts().stream()
            .map(a -> a.getGroupId() + ":" + a.getArtifactId())
            .collect(Collectors.toSet());
    List<File> dirs = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      if (module.equals(project)
          || dependencies.contains(module.getGroupId() + ":" + module.getArtifactId())) {
        dirs.add(new File(module.getBuild().getDirectory(), Layout.SUREFIRE_REPORTS));
        dirs.add(new File(module.getBuild().getDirectory(), Layout.FAILSAFE_REPORTS));
      }
    }
    return dirs;
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }
}
