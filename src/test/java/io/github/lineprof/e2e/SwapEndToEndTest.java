package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.e2e.Goldens.assertHitsMatch;
import static io.github.lineprof.e2e.Goldens.function;
import static io.github.lineprof.e2e.Goldens.profile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.ScenarioFailedException;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.samples.Loops;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples were built as a user's code is (processor, then the second compile of the copies);
 * these tests run them through the harness's class swap and compare the Hits column with golden
 * files.
 */
class SwapEndToEndTest {
  @Test
  void loopHeadersAreHitOncePerConditionEvaluation() throws IOException {
    ProfileResult result = profile(() -> Loops.loops(5));

    assertHitsMatch(result, "Loops.loops", "loops.hits.txt");
  }

  @Test
  void instanceMethodWithPrivateHelperAndWhileTrue() throws IOException {
    ProfileResult result = profile(() -> new Loops().countDown(3));

    assertHitsMatch(result, "Loops.countDown", "countdown.hits.txt");
  }

  @Test
  void hitsAddUpOverMeasurementInvocationsAndWarmUpIsLeftOut() {
    ProfileResult once = profile(() -> Loops.loops(5));
    ProfileResult thrice =
        LineProfiler.create()
            .warmup(7)
            .measure(3)
            .outputDirectory(null)
            .printTo(null)
            .run(() -> Loops.loops(5));

    FunctionProfile one = function(once, "Loops.loops");
    FunctionProfile three = function(thrice, "Loops.loops");
    for (int line = one.firstLine(); line <= one.lastLine(); line++) {
      assertThat(three.line(line).hits()).isEqualTo(3 * one.line(line).hits());
    }
  }

  @Test
  void theTextReportHasLineProfilersLayoutAndTheJavaSource() {
    String text = profile(() -> Loops.loops(5)).text();

    assertThat(text).startsWith("Timer unit: 1e-09 s\n\nTotal time: ");
    assertThat(text)
        .contains(
            "\nFile: io/github/lineprof/samples/Loops.java\n"
                + "Function: Loops.loops at line "
                + firstLineOf("Loops.loops")
                + "\n\n"
                + "Line #      Hits         Time  Per Hit   % Time  Line Contents\n"
                + "=".repeat(62)
                + "\n");
    assertThat(text).contains("      for (int i = 0; i < n; i++) {\n");
  }

  @Test
  void withoutTheSwapTheOriginalRunsAndRecordsNothing() throws IOException {
    ProfileStats before = ProbeCounts.snapshot();

    assertThat(Loops.loops(5)).isEqualTo(Loops.loops(5));
    assertThat(new Loops().countDown(3)).isEqualTo(3);

    assertThat(totalHits(ProbeCounts.snapshot().minus(before))).isEqualTo(0);
    try (InputStream original = Loops.class.getResourceAsStream("Loops.class")) {
      String bytes = new String(original.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(bytes).doesNotContain("LineProf_Loops");
    }
  }

  @Test
  void swappedCodeComputesWhatTheOriginalComputes() {
    assertThat(profile(() -> Loops.loops(5)).value()).isEqualTo(Loops.loops(5));
    assertThat(profile(() -> new Loops().countDown(7)).value()).isEqualTo(new Loops().countDown(7));
  }

  @Test
  void aFailingScenarioStillReportsWhatRanAndWritesTheFile(@TempDir Path dir) throws IOException {
    ScenarioFailedException failure =
        assertThrows(
            ScenarioFailedException.class,
            () ->
                LineProfiler.create()
                    .outputDirectory(dir)
                    .printTo(null)
                    .run(() -> new Loops().countDown(Integer.parseInt("not a number"))));

    assertThat(failure.getCause()).isInstanceOf(NumberFormatException.class);
    assertThat(Files.readString(dir.resolve("report.txt"))).startsWith("Timer unit: 1e-09 s");
  }

  @Test
  void aFailingScenarioIsNotLostWhenTheReportsCannotBeWritten(@TempDir Path dir)
      throws IOException {
    Path notAFolder =
        Files.writeString(dir.resolve("taken"), "a file where the reports' folder would go");

    ScenarioFailedException failure =
        assertThrows(
            ScenarioFailedException.class,
            () ->
                LineProfiler.create()
                    .outputDirectory(notAFolder)
                    .printTo(null)
                    .compareWithOriginal(false)
                    .run(() -> new Loops().countDown(Integer.parseInt("not a number"))));

    assertThat(failure.getCause()).isInstanceOf(NumberFormatException.class);
    assertThat(failure.getSuppressed()).hasLength(1);
    assertThat(failure.getSuppressed()[0])
        .hasMessageThat()
        .startsWith("lineprof: cannot write the reports to");
  }

  @Test
  void aSecondRunWhileOneIsUnderWayIsRefusedInsteadOfMixingTheirHits() throws Exception {
    // JDK objects are shared with lineprof's class loader, where the scenario runs
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    System.getProperties().put("lineprof.test.started", started);
    System.getProperties().put("lineprof.test.release", release);
    CompletableFuture<ProfileResult> first =
        CompletableFuture.supplyAsync(
            () ->
                profile(
                    () -> {
                      ((CountDownLatch) System.getProperties().get("lineprof.test.started"))
                          .countDown();
                      ((CountDownLatch) System.getProperties().get("lineprof.test.release"))
                          .await();
                      return Loops.loops(5);
                    }));
    try {
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> profile(() -> Loops.loops(1)));

      assertThat(refused)
          .hasMessageThat()
          .startsWith("lineprof: another harness run is under way in this JVM");
    } finally {
      release.countDown();
    }
    assertHitsMatch(first.get(60, TimeUnit.SECONDS), "Loops.loops", "loops.hits.txt");
    System.getProperties().remove("lineprof.test.started");
    System.getProperties().remove("lineprof.test.release");
  }

  @Test
  void aScenarioThatReturnsNothingIsProfiled() throws IOException {
    ProfileResult result =
        LineProfiler.create()
            .outputDirectory(null)
            .printTo(null)
            .compareWithOriginal(false)
            .run(
                () -> {
                  Loops.loops(5);
                });

    assertHitsMatch(result, "Loops.loops", "loops.hits.txt");
    assertThat(result.value()).isNull();
  }

  private static int firstLineOf(String name) {
    return function(profile(() -> Loops.loops(1)), name).firstLine();
  }

  private static long totalHits(ProfileStats stats) {
    return stats.functions().stream().mapToLong(FunctionStats::totalHits).sum();
  }
}
