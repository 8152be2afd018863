package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareAgentMojoTest {
  @TempDir Path dir;

  private final MavenProject project = new MavenProject();

  private PrepareAgentMojo mojo(Path output) {
    PrepareAgentMojo mojo = new PrepareAgentMojo();
    Mojos.set(mojo, "project", project);
    Mojos.set(
        mojo, "pluginArtifacts", List.of(Mojos.runtime(dir.resolve("lineprof.jar").toFile())));
    Mojos.set(mojo, "propertyName", "argLine");
    Mojos.set(mojo, "output", output.toFile());
    return mojo;
  }

  private String argLine() {
    return project.getProperties().getProperty("argLine");
  }

  @Test
  void skippedDefinesAnEmptyArgLineForSurefiresPlaceholder() throws Exception {
    Mojos.set(mojo(dir.resolve("out")), "skip", true).execute();

    assertThat(argLine()).isEmpty();
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void skippedKeepsAnArgLineDefinedBefore() throws Exception {
    project.getProperties().setProperty("argLine", "-Xmx1g");

    Mojos.set(mojo(dir.resolve("out")), "skip", true).execute();

    assertThat(argLine()).isEqualTo("-Xmx1g");
  }

  @Test
  void eachJvmWritesItsOwnFolderAndEarlierBuildsReportsAreGone() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("jvm-123"));
    Files.writeString(out.resolve("jvm-123/report.json"), "{}");
    Files.writeString(out.resolve("report.json"), "{}");
    project.getProperties().setProperty("argLine", "-Xmx1g");

    mojo(out).execute();

    assertThat(argLine())
        .isEqualTo(
            "-Xmx1g -javaagent:"
                + dir.resolve("lineprof.jar")
                + "=output="
                + out.resolve("jvm-{pid}"));
    try (var files = Files.list(out)) {
      assertThat(files.count()).isEqualTo(0);
    }
  }

  @Test
  void aFolderToMakeIsLeftToTheAgent() throws Exception {
    mojo(dir.resolve("a/b")).execute();

    assertThat(Files.exists(dir.resolve("a"))).isFalse();
    assertThat(argLine()).endsWith("=output=" + dir.resolve("a/b/jvm-{pid}"));
  }

  @Test
  void theOptionParametersReachTheAgentByTheirNames() throws Exception {
    Path out = dir.resolve("out");
    PrepareAgentMojo mojo = Mojos.set(mojo(out), "spread", "true");
    Mojos.set(mojo, "unit", "1e-6");
    Mojos.set(mojo, "formats", "json");

    mojo.execute();

    assertThat(argLine())
        .endsWith("=output=" + out.resolve("jvm-{pid}") + ",formats=json,unit=1e-6,spread=true");
  }

  @Test
  void aWordOtherThanTrueOrFalseForCalibrationFailsTheBuild() {
    PrepareAgentMojo mojo = Mojos.set(mojo(dir.resolve("out")), "calibration", "maybe");

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertThat(e).hasMessageThat().startsWith("lineprof: calibration");
    assertThat(e).hasMessageThat().contains("maybe");
    assertThat(argLine()).isNull();
  }

  @Test
  void aReportFolderThatCannotBeMadeFailsTheBuildWithItsReason() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "");

    MojoExecutionException e =
        assertThrows(MojoExecutionException.class, mojo(file.resolve("out"))::execute);

    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "lineprof: cannot make the report folder "
                + file.resolve("out")
                + ": "
                + file
                + " is a file");
    assertThat(argLine()).isNull();
  }
}
