package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAgentIntegrationMojoTest {
  @TempDir Path dir;

  private final MavenProject project = new MavenProject(new Model());

  PrepareAgentIntegrationMojoTest() {
    project.getModel().setBuild(new Build());
  }

  private PrepareAgentIntegrationMojo mojo() {
    PrepareAgentIntegrationMojo mojo = new PrepareAgentIntegrationMojo();
    Mojos.set(mojo, "project", project);
    Mojos.set(
        mojo, "pluginArtifacts", List.of(Mojos.runtime(dir.resolve("lineprof.jar").toFile())));
    Mojos.set(mojo, "propertyName", "argLine");
    Mojos.set(mojo, "output", dir.resolve("failsafe").toFile());
    return mojo;
  }

  private File attachLineprofJar() {
    Artifact jar =
        new DefaultArtifact(
            "com.example",
            "app",
            "1.0",
            "compile",
            "jar",
            JarMojo.CLASSIFIER,
            new DefaultArtifactHandler("jar"));
    File file = dir.resolve("app-1.0-lineprof.jar").toFile();
    jar.setFile(file);
    project.addAttachedArtifact(jar);
    return file;
  }

  private String additionalClasspath() {
    return project.getProperties().getProperty(PrepareAgentIntegrationMojo.ADDITIONAL_CLASSPATH);
  }

  @Test
  void theLineprofJarGoesOnFailsafesClassPathBesideTheModulesJar() throws Exception {
    File lineprofJar = attachLineprofJar();
    project.getProperties().setProperty(PrepareAgentIntegrationMojo.ADDITIONAL_CLASSPATH, "/x.jar");

    mojo().execute();

    assertThat(additionalClasspath()).isEqualTo("/x.jar," + lineprofJar.getPath());
    assertThat(project.getProperties().getProperty("argLine")).contains("-javaagent:");
  }

  @Test
  void withoutTheJarGoalTheClassPathIsLeftAlone() throws Exception {
    mojo().execute();

    assertThat(additionalClasspath()).isNull();
  }

  @Test
  void aClassPathSetInThePomIsLeftAlone() throws Exception {
    attachLineprofJar();
    Plugin failsafe = new Plugin();
    failsafe.setGroupId("org.apache.maven.plugins");
    failsafe.setArtifactId("maven-failsafe-plugin");
    failsafe.setConfiguration(
        Xpp3DomBuilder.build(
            new StringReader(
                "<configuration><additionalClasspathElements><e>/y.jar</e>"
                    + "</additionalClasspathElements></configuration>")));
    project.getBuild().addPlugin(failsafe);

    mojo().execute();

    assertThat(additionalClasspath()).isNull();
  }

  @Test
  void skippedDefinesAnEmptyArgLineAndAddsNothing() throws Exception {
    attachLineprofJar();

    Mojos.set(mojo(), "skip", true).execute();

    assertThat(project.getProperties().getProperty("argLine")).isEmpty();
    assertThat(additionalClasspath()).isNull();
  }
}
