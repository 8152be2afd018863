package io.github.lineprof.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The executable jar as users run it: {@code java -jar lineprof-cli-<version>.jar}. */
class CliJarIT {
  private static final Path JAR = Path.of(System.getProperty("lineprof.cli.jar"));

  private static String run(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isEqualTo(0);
    return output;
  }

  @Test
  void printsTheVersionOfItsManifest() throws Exception {
    String version;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("io.github.lineprof.cli");
    }
    assertThat(version).isNotEmpty();
    assertThat(run("--version")).isEqualTo("lineprof " + version + "\n");
  }

  @Test
  void runsAloneWithItsLibrariesInside() throws Exception {
    Path report = Files.createTempFile("lineprof-cli-it", ".json");
    try {
      Files.writeString(
          report,
          """
          {"schema": "lineprof-report", "format_version": 1, "timer_unit": 1e-9, "runs": [],
           "functions": [{"file": "A.java", "name": "A.a", "first_line": 1,
             "lines": ["void a() {", "  x();", "}"], "hits": [0, 2, 0], "nanos": [0, 300, 0]}]}
          """);
      assertThat(run("show", report.toString()))
          .contains("         2        300.0    150.0    100.0    x();");
    } finally {
      Files.delete(report);
    }
  }
}
