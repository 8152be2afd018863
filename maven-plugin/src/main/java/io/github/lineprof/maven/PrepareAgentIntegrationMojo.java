package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

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
  /** The property failsafe reads for {@code additionalClasspathElements}. */
  static final String ADDITIONAL_CLASSPATH = "maven.test.additionalClasspath";

  /**
   * Where the agent writes report.txt, report.json, index.html and summary.md when a test JVM
   * exits.
   */
  @Parameter(
      property = "lineprof.integrationOutput",
      defaultValue = "${project.build.directory}/" + Layout.FAILSAFE_REPORTS)
  private File output;

  @Override
  File output() {
    return output;
  }

  /**
   * failsafe runs the integration tests on the module's jar, which the jar goal emptied of
   * lineprof's files: their jar goes on failsafe's class path, after the module's.
   */
  @Override
  void run() throws MojoExecutionException {
    super.run();
    MavenProject project = project();
    File lineprofJar =
        project.getAttachedArtifacts().stream()
            .filter(a -> JarMojo.CLASSIFIER.equals(a.getClassifier()) && a.getFile() != null)
            .map(Artifact::getFile)
            .findFirst()
            .orElse(null);
    if (lineprofJar == null) {
      return;
    }
    if (configures(project, "additionalClasspathElements")) {
      getLog()
          .warn(
              "lineprof: failsafe's <additionalClasspathElements> is set in the POM, so lineprof"
                  + " cannot add the instrumented copies to it: add "
                  + lineprofJar
                  + " there, or its integration tests are not profiled");
      return;
    }
    String old = project.getProperties().getProperty(ADDITIONAL_CLASSPATH, "").strip();
    String value = old.isEmpty() ? lineprofJar.getPath() : old + "," + lineprofJar.getPath();
    project.getProperties().setProperty(ADDITIONAL_CLASSPATH, value);
    getLog().info("lineprof: " + ADDITIONAL_CLASSPATH + " set to " + value);
  }

  private static boolean configures(MavenProject project, String parameter) {
    Plugin failsafe = project.getPlugin("org.apache.maven.plugins:maven-failsafe-plugin");
    if (failsafe == null) {
      return false;
    }
    List<Object> configurations = new ArrayList<>();
    configurations.add(failsafe.getConfiguration());
    failsafe.getExecutions().forEach(e -> configurations.add(e.getConfiguration()));
    return configurations.stream()
        .anyMatch(c -> c instanceof Xpp3Dom dom && dom.getChild(parameter) != null);
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
