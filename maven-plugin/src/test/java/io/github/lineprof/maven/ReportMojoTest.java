package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {
  @TempDir Path dir;

  @Test
  void aBuildWithoutReportsLeavesNoEarlierReportOrComparisonBehind() throws Exception {
    Path output = Files.createDirectories(dir.resolve("lineprof"));
    for (String name : new String[] {"report.txt", "report.json", "diff.txt", "diff.md"}) {
      Files.writeString(output.resolve(name), "an earlier build's");
    }
    ReportMojo mojo = new ReportMojo();
    Mojos.set(mojo, "project", new MavenProject());
    Mojos.set(mojo, "surefireOutput", new File(dir.toFile(), "surefire"));
    Mojos.set(mojo, "failsafeOutput", new File(dir.toFile(), "failsafe"));
    Mojos.set(mojo, "outputDirectory", output.toFile());

    mojo.execute();

    try (var left = Files.list(output)) {
      assertThat(left.toList()).isEmpty();
    }
  }
}
