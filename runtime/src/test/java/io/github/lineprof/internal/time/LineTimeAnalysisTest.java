package io.github.lineprof.internal.time;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.internal.time.SourceLines.function;
import static io.github.lineprof.internal.time.SourceLines.line;

import io.github.lineprof.internal.stats.FunctionInfo;
import com.google.common.collect.Range;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records {@link TimeWorkloads} with {@link JfrTimeRecorder} and checks what {@link LineTimeAnalysis}
 * charges to its lines. The costs are sleeps or work ratios, so the bounds hold on a busy machine.
 */
class LineTimeAnalysisTest {
  @TempDir Path dir;

  private interface Work {
    void run() throws Exception;
  }

  /** The analysis of this thread's events while {@code work} ran, and the wall-clock time it took. */
  private record Run(LineTimes times, Duration wall) {}

  private Run record(List<FunctionInfo> functions, Work work) throws Exception {
    Path file = Files.createTempFile(dir, "time", ".jfr");
    Instant from;
    Instant to;
    long wall;
    try (JfrTimeRecorder recorder = JfrTimeRecorder.start()) {
      from = Instant.now();
      long start = System.nanoTime();
      work.run();
      wall = System.nanoTime() - start;
      to = Instant.now();
      recorder.stop(file);
    }
    TimeFilter filter = TimeFilter.thread(Thread.currentThread().getId()).between(from, to);
    return new Run(LineTimeAnalysis.analyze(file, functions, filter), Duration.ofNanos(wall));
  }

  private static double percent(FunctionTimes times, String marker) {
    return 100 * times.share(line(marker));
  }

  private static long millis(FunctionTimes times, String marker) {
    return Duration.ofNanos(times.nanos(line(marker))).toMillis();
  }

  @Test
  void aLineThatSleepsGetsItsTime() throws Exception {
    FunctionInfo sleeps = function("sleeps");
    Run run = record(List.of(sleeps), () -> {
      for (int i = 0; i < 20; i++) {
        TimeWorkloads.sleeps();
      }
    });
    FunctionTimes times = run.times().of(sleeps);
    System.out.printf("sleeps: 20 ms line %.1f %%, 5 ms line %.1f %%, total %d ms of %d ms wall%n",
        percent(times, "sleep20"), percent(times, "sleep5"), Duration.ofNanos(times.totalNanos()).toMillis(),
        run.wall().toMillis());

    assertThat(percent(times, "sleep20")).isWithin(3).of(80);
    assertThat(percent(times, "sleep5")).isWithin(3).of(20);
    // Sleeping is seen by jdk.ThreadSleep alone: counted twice, the total would pass the wall clock.
    assertThat((double) times.totalNanos()).isWithin(0.05 * run.wall().toNanos()).of(run.wall().toNanos());
    assertThat(run.times().totals(TimeEvent.THREAD_SLEEP).eventsInFunctions()).isEqualTo(40);
  }

  @Test
  void runningCodeIsChargedByItsShareOfSamples() throws Exception {
    FunctionInfo spins = function("spins");
    int rounds = 200_000;
    for (int i = 0; i < 300; i++) {
      TimeWorkloads.spins(rounds); // compiled before the recording, as in a steady state
    }
    Run run = record(List.of(spins), () -> {
      long end = System.nanoTime() + 1_500_000_000L;
      while (System.nanoTime() < end) {
        TimeWorkloads.spins(rounds);
      }
    });
    FunctionTimes times = run.times().of(spins);
    System.out.printf("spins (DebugNonSafepoints %s): 3N line %.1f %%, N line %.1f %%, %d samples, +-%.1f points%n",
        NonSafepointDebugInfo.isOn(), percent(times, "spin3"), percent(times, "spin1"), times.samples(),
        SamplePrecision.worstHalfWidthPoints(times));

    assertThat(times.samples()).isAtLeast(500);
    assertThat(percent(times, "spin3")).isWithin(8).of(75);
    assertThat(percent(times, "spin1")).isWithin(8).of(25);
  }

  @Test
  void aRecursiveCallIsChargedOncePerFrame() throws Exception {
    FunctionInfo recurse = function("recurse");
    int depth = 100; // deeper than JFR's default 64 frames
    Run run = record(List.of(recurse), () -> {
      for (int i = 0; i < 20; i++) {
        TimeWorkloads.recurse(depth);
      }
    });
    FunctionTimes times = run.times().of(recurse);
    double perFrame = (double) times.nanos(line("recursive-call")) / times.nanos(line("leaf"));
    System.out.printf("recurse: call line / leaf line = %.2f for depth %d%n", perFrame, depth);

    assertThat(run.times().truncatedStacks()).isEqualTo(0);
    assertThat(perFrame).isWithin(1).of(depth);
    // The function's own time counts each event once: about the wall clock, not depth times it.
    assertThat((double) times.totalNanos()).isWithin(0.1 * run.wall().toNanos()).of(run.wall().toNanos());
  }

  @Test
  void lambdasAndLocalClassesAreChargedToTheEnclosingMethod() throws Exception {
    FunctionInfo nested = function("nested");
    int runs = 10;
    Run run = record(List.of(nested), () -> {
      for (int i = 0; i < runs; i++) {
        TimeWorkloads.nested();
      }
    });
    FunctionTimes times = run.times().of(nested);

    for (String marker : List.of("lambda-body", "lambda-call")) {
      assertThat(millis(times, marker)).isIn(Range.closed(4L * runs, 6L * runs));
    }
    for (String marker : List.of("anonymous-body", "anonymous-call")) {
      assertThat(millis(times, marker)).isIn(Range.closed(3L * runs, 5L * runs));
    }
    for (String marker : List.of("local-body", "local-call")) {
      assertThat(millis(times, marker)).isIn(Range.closed(2L * runs, 4L * runs));
    }
  }

  @Test
  void otherClassesLinesOutsideAndEventsBeforeTheWindowAreIgnored() throws Exception {
    // sleeps up to its 20 ms line only, and a class that is not there with the same lines
    FunctionInfo upToSleep20 = function("sleeps", line("begin:sleeps"), line("sleep20"));
    FunctionInfo full = function("sleeps");
    FunctionInfo impostor = new FunctionInfo("io/github/lineprof/internal/time/Impostor.java", "Impostor.sleeps",
        full.firstLine(), full.lines());
    Path file = Files.createTempFile(dir, "time", ".jfr");
    Instant from;
    Instant to;
    try (JfrTimeRecorder recorder = JfrTimeRecorder.start()) {
      TimeWorkloads.sleeps();
      Thread.sleep(50);
      from = Instant.now();
      for (int i = 0; i < 10; i++) {
        TimeWorkloads.sleeps();
      }
      to = Instant.now();
      recorder.stop(file);
    }
    LineTimes times = LineTimeAnalysis.analyze(file, List.of(upToSleep20, impostor),
        TimeFilter.thread(Thread.currentThread().getId()).between(from, to));

    EventTotals sleeps = times.totals(TimeEvent.THREAD_SLEEP);
    assertThat(sleeps.events()).isEqualTo(20);
    assertThat(sleeps.eventsInFunctions()).isEqualTo(10);
    assertThat(times.of(upToSleep20).nanos(line("sleep20"))).isAtLeast(200_000_000L);
    assertThat(times.of(upToSleep20).nanos(line("sleep20"))).isLessThan(250_000_000L);
    assertThat(times.of(impostor).events()).isEqualTo(0);
  }

  @Test
  void calibrationGivesRunningCodeTheWallClockTheSamplerMissed() throws Exception {
    FunctionInfo spinsAndSleeps = function("spinsAndSleeps");
    Run run = record(List.of(spinsAndSleeps), () -> {
      for (int i = 0; i < 30; i++) {
        TimeWorkloads.spinsAndSleeps();
      }
    });
    FunctionTimes nominal = run.times().of(spinsAndSleeps);
    LineTimes calibrated = run.times().calibratedTo(run.wall());
    FunctionTimes times = calibrated.of(spinsAndSleeps);
    System.out.printf("spin 10 ms vs sleep 10 ms: %.1f / %.1f %% by period, %.1f / %.1f %% calibrated (scale %.2f)%n",
        percent(nominal, "spin10"), percent(nominal, "sleep10"), percent(times, "spin10"),
        percent(times, "sleep10"), calibrated.sampleScale());

    assertThat(calibrated.threadNanos()).isWithin(1_000_000L).of(run.wall().toNanos());
    assertThat(percent(times, "spin10")).isWithin(4).of(50);
    assertThat(percent(times, "sleep10")).isWithin(4).of(50);
  }
}
