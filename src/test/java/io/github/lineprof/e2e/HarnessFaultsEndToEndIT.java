package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.github.lineprof.samples.HarnessMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness where a scenario goes wrong outside the copy (it throws, hangs or exits), where the
 * JVM is stopped under it, and where the JVM lacks what original mode needs: the table of what ran
 * is kept, the failure said in a line, nothing left running or lying about.
 */
class HarnessFaultsEndToEndIT {
  @TempDir Path dir;
  private Path tmp;

  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void temporaryFolder() throws IOException {
    tmp = Files.createDirectories(dir.resolve("tmp"));
  }

  private Process start(List<String> jvmOptions, String... args) throws IOException {
    return builder(jvmOptions, args).start();
  }

  private ProcessBuilder builder(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + tmp);
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), HarnessMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile());
  }

  private static Run finish(Process process, long seconds) throws Exception {
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    Run run = new Run(process.exitValue(), out.get(), err.get());
    assertWithMessage("still running after %s s: %s", seconds, run).that(ended).isTrue();
    return run;
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Run harness(String what, String options) throws Exception {
    return finish(start(List.of(), what, dir.resolve("out").toString(), options), 120);
  }

  private String report() throws IOException {
    return Files.readString(dir.resolve("out/report.txt"));
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(f -> f.getFileName().toString().startsWith("lineprof-")).toList();
    }
  }

  @Test
  void anOriginalThatThrowsOnlyInTheForkKeepsTheTableAndThrowsTheDocumentedException()
      throws Exception {
    Run run = harness("throw", "");

    assertThat(run.exitCode()).isNotEqualTo(0);
    assertThat(run.err())
        .contains(
            "io.github.lineprof.ScenarioFailedException: lineprof: the profiled scenario failed:"
                + " io.github.lineprof.internal.run.OriginalFork$ForkFailedException: lineprof: the original threw in the fork"
                + " that times it, where the copy did not: java.lang.IllegalStateException: only in the original");
    assertThat(run.out()).contains("Function: Faults.work at line");
    assertThat(report()).contains("Function: Faults.work at line");
    assertThat(report())
        .contains("not the original's: the original was not timed: the original threw in the fork");
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void anOriginalThatHangsInTheForkIsStoppedPastMaxTime() throws Exception {
    long start = System.nanoTime();
    Run run = harness("hang", "");

    assertThat((System.nanoTime() - start) / 1e9).isLessThan(100.0);
    assertThat(run.exitCode()).isNotEqualTo(0);
    assertThat(run.err())
        .contains("lineprof: the original ran past maxTime in the fork that times it");
    assertThat(report()).contains("Function: Faults.work at line");
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aSigtermWhileTheForkRunsEndsTheForkLeavesNoFileAndWritesWhatRan() throws Exception {
    // no warm-up: the fork records at once, so its recording's file is there too
    Path output = dir.resolve("output.txt");
    Process harness =
        builder(List.of(), "hang", dir.resolve("out").toString(), "maxTime=60s,warmup=0")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<ProcessHandle> forks = List.of();
    while (System.nanoTime() < deadline && (forks.isEmpty() || temporaryFiles().size() < 3)) {
      Thread.sleep(200); // the fork's request, answer and recording
      forks = harness.descendants().toList();
    }
    assertWithMessage("the fork and its files: %s", temporaryFiles()).that(forks).isNotEmpty();

    harness.destroy(); // SIGTERM
    assertThat(harness.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle fork : forks) {
      assertThat(fork.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }
    assertWithMessage(
            "files left: %s, the harness printed:%n%s", temporaryFiles(), Files.readString(output))
        .that(temporaryFiles())
        .isEmpty();
    assertThat(report()).contains("the JVM exited while the original was being timed");
  }

  @Test
  void systemExitInTheScenarioStillWritesWhatRan() throws Exception {
    Run run = harness("exit", "");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(report()).contains("Function: Faults.work at line");
    assertThat(report())
        .contains("the JVM exited during the run (System.exit in the scenario, or a signal)");
  }

  @Test
  void aScenarioThatReturnsNothingIsProfiled() throws Exception {
    Run run = harness("void", "mode=exact");

    assertWithMessage(run.toString()).that(run.exitCode()).isEqualTo(0);
    assertThat(report()).contains("Function: Faults.work at line");
    assertThat(run.out())
        .contains("lineprof: reports written to " + dir.resolve("out").toAbsolutePath());
  }

  @Test
  void staticStateSetByMainGetsAHintThatTheClassWasLoadedAgain() throws Exception {
    Run run = harness("config", "mode=exact");

    assertThat(run.exitCode()).isNotEqualTo(0);
    assertThat(run.err()).contains("java.lang.NullPointerException");
    assertThat(run.err())
        .contains(
            "it ran without failing outside lineprof's class loader, which loads every class"
                + " of the application again, with its static fields at their initial values");
  }

  @Test
  void aScenarioTooShortForTheUnitSaysSo() throws Exception {
    // the original's line takes about a nanosecond, and a few dozen when JFR charges it the
    // harness's loop around it (inlined): far below a millisecond unit's 0.05 (50 us)
    Run run = harness("tiny", "unit=1e-3");

    assertWithMessage(run.toString()).that(run.exitCode()).isEqualTo(0);
    assertThat(report())
        .contains("lineprof: unreliable: every line shows 0: the scenario is too short");
  }

  @Test
  void withoutTheRecorderModuleTheTableIsKeptAndOneLineSaysWhy() throws Exception {
    Run run =
        finish(
            start(
                List.of("--limit-modules", "java.se"),
                "plain",
                dir.resolve("out").toString(),
                "fork=false"),
            120);

    assertWithMessage(run.toString()).that(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).doesNotContain("NoClassDefFoundError");
    assertThat(report()).contains("Function: Faults.work at line");
    assertThat(report()).contains("not the original's: this JVM has no jdk.jfr module");
  }
}
