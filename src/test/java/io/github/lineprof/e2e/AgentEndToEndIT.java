package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.samples.LoopsMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -javaagent:lineprof-runtime.jar}: a plain java launch of a main gets the tables at exit.
 */
class AgentEndToEndIT {
  @TempDir Path dir;

  private Run launch(String agentOptions, String... args) throws Exception {
    Path agent =
        Path.of(FunctionProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(Files.isRegularFile(agent))
        .isTrue(); // the reactor resolves lineprof-runtime to its jar
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent + (agentOptions.isEmpty() ? "" : "=" + agentOptions),
                "-cp",
                System.getProperty("java.class.path"),
                LoopsMain.class.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }

  private record Run(int exitCode, String output) {}

  @Test
  void writesTheReportsWhenTheProgramEnds() throws Exception {
    Run run = launch("output=" + dir.resolve("out") + ",formats=txt+json");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.output()).contains("27");
    String text = Files.readString(dir.resolve("out/report.txt"));
    assertThat(text).contains("Function: Loops.loops at line ");
    assertThat(text).contains("         6");
    FunctionStats loops =
        JsonReportReader.read(Files.readString(dir.resolve("out/report.json")))
            .stats()
            .functions()
            .get(0);
    assertThat(loops.info().name()).isEqualTo("Loops.loops");
    assertThat(loops.totalHits()).isEqualTo(69); // the sum of golden/loops.hits.txt
    assertThat(Files.exists(dir.resolve("out/index.html"))).isFalse();
  }

  @Test
  void systemExitKeepsTheStatsAndTheExitCode() throws Exception {
    Run run = launch("output=" + dir.resolve("out") + ",unit=1e-6", "3");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("out/report.txt"))).startsWith("Timer unit: 1e-06 s\n");
    assertThat(Files.exists(dir.resolve("out/report.json"))).isTrue();
    assertThat(Files.exists(dir.resolve("out/index.html"))).isTrue();
  }

  @Test
  void sampledModeCountsExactlyTheHitsOfExactMode() throws Exception {
    launch("output=" + dir.resolve("exact") + ",formats=json+txt,mode=exact");
    launch("output=" + dir.resolve("sampled") + ",formats=json+txt,mode=sampled");

    FunctionStats exact =
        JsonReportReader.read(Files.readString(dir.resolve("exact/report.json")))
            .stats()
            .functions()
            .get(0);
    FunctionStats sampled =
        JsonReportReader.read(Files.readString(dir.resolve("sampled/report.json")))
            .stats()
            .functions()
            .get(0);
    for (int line = exact.info().firstLine(); line <= exact.info().lastLine(); line++) {
      assertThat(sampled.hits(line)).isEqualTo(exact.hits(line));
    }
    assertThat(Files.readString(dir.resolve("exact/report.txt")))
        .containsMatch(
            "\nlineprof: exact mode; calibration: [0-9.]+ ns per line event and [0-9.]+ ns per call left out\n");
    assertThat(Files.readString(dir.resolve("sampled/report.txt")))
        .containsMatch(
            "\nlineprof: sampled mode; calibration: none in sampled mode, the times include the probes. \\(([0-9.]+ ns per line event|less per line event than calibration can measure)\\); samples: \\d+\n");
  }

  @Test
  void calibrationCanBeSwitchedOff() throws Exception {
    launch("output=" + dir.resolve("out") + ",formats=txt,calibration=false,mode=exact");

    assertThat(Files.readString(dir.resolve("out/report.txt")))
        .contains("\nlineprof: exact mode; calibration: off\n");
  }

  @Test
  void badOptionsAreAOneLineErrorAndExitCode2() throws Exception {
    Run run = launch("colour=blue");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output().strip()).startsWith("lineprof agent: unknown option 'colour'");
    assertThat(run.output().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void withoutTheAgentNothingIsInstrumented() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LoopsMain.class.getName())
            .directory(dir.toFile())
            .start();
    assertThat(process.waitFor()).isEqualTo(0);
    assertThat(Files.exists(dir.resolve("target/lineprof"))).isFalse();
  }
}
