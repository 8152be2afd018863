package io.github.lineprof.maven;

import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Keeps lineprof's files out of the module's jar: after maven-jar-plugin made it, the instrumented
 * copies, their sources and the line tables move from it into an attached jar of classifier {@code
 * lineprof}, which a module that runs this one's profiled code (another module's tests, a shaded
 * JMH jar) adds as a dependency. The module's own tests, {@code lineprof:profile} and {@code
 * exec:java} run from {@code target/classes}, which keeps them.
 */
@Mojo(name = "jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class JarMojo extends AbstractLineprofMojo {
  /** The classifier of the attached jar of lineprof's files. */
  static final String CLASSIFIER = "lineprof";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Component private MavenProjectHelper projectHelper;

  @Override
  void run() throws MojoExecutionException {
    File jar = project.getArtifact().getFile();
    if (jar == null || !jar.isFile() || !jar.getName().endsWith(".jar")) {
      getLog().info("lineprof: no jar to take lineprof's files out of");
      return;
    }
    String name = jar.getName();
    Path lineprofJar =
        jar.toPath()
            .resolveSibling(
                name.substring(0, name.length() - ".jar".length()) + "-" + CLASSIFIER + ".jar");
    int moved;
    try {
      moved = LineprofJar.split(jar.toPath(), lineprofJar);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot take lineprof's files out of " + jar + ": " + e, e);
    }
    if (moved == 0) {
      boolean instrumented =
          Files.isDirectory(Path.of(project.getBuild().getOutputDirectory(), Layout.ROOT));
      if (!instrumented || !Files.isRegularFile(lineprofJar)) {
        getLog().info("lineprof: " + jar.getName() + " holds no lineprof file");
        return;
      }
      // maven-jar-plugin left the jar as an earlier build split it: its lineprof jar still holds
      // the copies
      getLog().info("lineprof: " + jar.getName() + " was split before; attaching " + lineprofJar);
    } else {
      getLog()
          .info(
              "lineprof: "
                  + moved
                  + " entries (instrumented copies, their sources, line tables) moved from "
                  + jar.getName()
                  + " to "
                  + lineprofJar.getFileName());
    }
    projectHelper.attachArtifact(project, "jar", CLASSIFIER, lineprofJar.toFile());
  }
}
