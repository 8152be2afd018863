package io.github.lineprof.internal.time;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.internal.time.SourceLines.function;
import static io.github.lineprof.internal.time.SourceLines.line;

import io.github.lineprof.report.stats.FunctionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records {@link TimeWorkloads} with {@link JfrTimeRecorder} and checks what {@link
 * LineTimeAnalysis} charges to its lines. The costs are sleeps or work ratios, so the bounds hold
 * on a busy machine.
 */
class LineTimeAnalysisTest {
  @TempDir Path dir;

  private interface Work {
    void run() throws Exception;
  }

  /**
   * The analysis of this thread's events while {@code work} ran, its samples weighing their period
   * and weighed by the thread's timeline, and the wall-clock time it took.
   */
  private record Run(LineTimes times, LineTimes weighed, Duration wall) {}

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
    return new Run(
        LineTimeAnalysis.analyze(file, functions, filter),
        LineTimeAnalysis.analyzeWeighed(file, functions, filter, filter),
        Duration.ofNanos(wall));
  }

  /**
   * The wall clock bounds a function's time counted once, up to one sample: a sample weighs a whole
   * period, and JFR times its events with its own clock, not {@link System#nanoTime} (a total of
   * 93.9 ms against 93.5 ms of wall clock in CI).
   */
  private static void assertWithinWall(FunctionTimes times, Run run) {
    assertThat(times.totalNanos())
        .isAtMost(run.wall().plus(JfrTimeRecorder.DEFAULT_PERIOD).toNanos());
  }

  private static double percent(FunctionTimes times, String marker) {
    return 100 * times.share(line(marker));
  }

  @Test
  void aLineThatSleepsGetsItsTime() throws Exception {
    FunctionInfo sleeps = function("sleeps");
    TimeWorkloads.sleep20Nanos = 0;
    TimeWorkloads.sleep5Nanos = 0;
    Run run =
        record(
            List.of(sleeps),
            () -> {
              for (int i = 0; i < 20; i++) {
                TimeWorkloads.sleeps();
              }
            });
    FunctionTimes times = run.times().of(sleeps);
    double measured20 =
        100.0
            * TimeWorkloads.sleep20Nanos
            / (TimeWorkloads.sleep20Nanos + TimeWorkloads.sleep5Nanos);
    System.out.printf(
        "sleeps: 20 ms line %.1f %% (measured %.1f %%), 5 ms line %.1f %%, total %d ms of %d ms wall%n",
        percent(times, "sleep20"),
        measured20,
        percent(times, "sleep5"),
        Duration.ofNanos(times.totalNanos()).toMillis(),
        run.wall().toMillis());

    // Against the sleeps as they happened, not the nominal 80 / 20: an overloaded machine
    // oversleeps
    // (sleep(5) measured at 18 ms a call at a load of 16 on 2 cores, the 20 ms line at 58 %).
    assertThat(percent(times, "sleep20")).isWithin(1).of(measured20);
    assertThat(percent(times, "sleep5")).isWithin(1).of(100 - measured20);
    // Sleeping is seen by jdk.ThreadSleep alone: counted twice, the total would pass the wall
    // clock.
    assertWithinWall(times, run);
    assertThat((double) times.totalNanos())
        .isAtLeast(0.95 * (TimeWorkloads.sleep20Nanos + TimeWorkloads.sleep5Nanos));
    assertThat(run.times().totals(TimeEvent.THREAD_SLEEP).eventsInFunctions()).isEqualTo(40);
  }

  @Test
  void runningCodeIsChargedByItsShareOfSamples() throws Exception {
    FunctionInfo spins = function("spins");
    int rounds = 200_000;
    for (int i = 0; i < 300; i++) {
      TimeWorkloads.spins(rounds); // compiled before the recording, as in a steady state
    }
    TimeWorkloads.spin3Nanos = 0;
    TimeWorkloads.spin1Nanos = 0;
    Run run =
        record(
            List.of(spins),
            () -> {
              long end = System.nanoTime() + 2_500_000_000L;
              while (System.nanoTime() < end) {
                TimeWorkloads.spins(rounds);
              }
            });
    FunctionTimes times = run.times().of(spins);
    // the truth is what the calls took, timed around each: 3N rounds need not take 3 times N's
    double truth3 =
        100.0 * TimeWorkloads.spin3Nanos / (TimeWorkloads.spin3Nanos + TimeWorkloads.spin1Nanos);
    System.out.printf(
        "spins (DebugNonSafepoints %s): 3N line %.1f %% (timed %.1f %%), N line %.1f %%, %d"
            + " samples%n",
        NonSafepointDebugInfo.isOn(),
        percent(times, "spin3"),
        truth3,
        percent(times, "spin1"),
        times.samples());

    assertThat(times.samples()).isAtLeast(200); // fewer when the machine is overloaded
    // Six runs on JDK 17 charged the 3N line 61.8 to 74.5 % against 73.9 to 74.6 % timed: JFR
    // gives the N line some of the 3N line's samples (not understood yet); 15 points still fail
    // a table that cannot tell the two lines apart.
    assertThat(percent(times, "spin3")).isWithin(15).of(truth3);
    assertThat(percent(times, "spin1")).isWithin(15).of(100 - truth3);
  }

  @Test
  void aRecursiveCallIsChargedToTheInnermostInvocationOnly() throws Exception {
    FunctionInfo recurse = function("recurse");
    int depth = 100; // deeper than JFR's default 64 frames
    Run run =
        record(
            List.of(recurse),
            () -> {
              for (int i = 0; i < 20; i++) {
                TimeWorkloads.recurse(depth);
              }
            });
    FunctionTimes times = run.times().of(recurse);
    long leaf = times.nanos(line("leaf"));
    long call = times.nanos(line("recursive-call"));
    System.out.printf(
        "recurse: leaf line %.1f ms, recursive-call line %.1f ms, total %.1f ms, wall %.1f ms%n",
        leaf / 1e6, call / 1e6, times.totalNanos() / 1e6, run.wall().toNanos() / 1e6);

    assertThat(run.times().truncatedStacks()).isEqualTo(0);
    // Each event once: the lines add up to the total, which the wall clock bounds.
    assertThat(times.lineNanosSum()).isEqualTo(times.totalNanos());
    assertWithinWall(times, run);
    // The sleeps (20 x 2 ms at least) are on the innermost invocation's leaf line, not on the 100
    // recursive-call lines above it; that line keeps only the descents and returns.
    assertThat(leaf).isAtLeast(Duration.ofMillis(40).toNanos());
    assertThat(call).isLessThan(leaf / 2);
  }

  @Test
  void lambdasAndLocalClassesAreChargedToTheEnclosingMethod() throws Exception {
    FunctionInfo nested = function("nested");
    int runs = 10;
    TimeWorkloads.nested(); // loads the classes outside the recording
    Run run =
        record(
            List.of(nested),
            () -> {
              for (int i = 0; i < runs; i++) {
                TimeWorkloads.nested();
              }
            });
    FunctionTimes times = run.times().of(nested);

    long bodies = 0;
    for (String kind : List.of("lambda", "anonymous", "local")) {
      long body = times.nanos(line(kind + "-body"));
      long call = times.nanos(line(kind + "-call"));
      System.out.printf(
          "nested: %s body line %.1f ms, calling line %.1f ms%n", kind, body / 1e6, call / 1e6);
      assertThat(call).isAtLeast(body); // inclusive: the calling line holds the body's frame
      bodies += body;
    }
    // sleeps of 4 + 3 + 2 ms a run, at least
    assertThat(bodies).isAtLeast(Duration.ofMillis(9L * runs).toNanos());
    assertThat((double) bodies).isWithin(0.1 * times.totalNanos()).of(times.totalNanos());
    // The nested lines are in their calling lines and not again in the total: the method's own
    // lines add up to it, and the nested lines' time comes on top.
    long own = 0;
    for (int l = nested.firstLine(); l <= nested.lastLine(); l++) {
      boolean body =
          l == line("lambda-body") || l == line("anonymous-body") || l == line("local-body");
      own += body ? 0 : times.nanos(l);
    }
    assertThat(own).isEqualTo(times.totalNanos());
    assertThat(times.lineNanosSum()).isEqualTo(own + bodies);
    assertWithinWall(times, run);
  }

  @Test
  void otherClassesLinesOutsideAndEventsBeforeTheWindowAreIgnored() throws Exception {
    // sleeps up to its 20 ms line only, and a class that is not there with the same lines
    FunctionInfo upToSleep20 = function("sleeps", line("begin:sleeps"), line("sleep20"));
    FunctionInfo full = function("sleeps");
    FunctionInfo impostor =
        new FunctionInfo(
            "io/github/lineprof/internal/time/Impostor.java",
            "Impostor.sleeps",
            full.firstLine(),
            full.lines());
    Path file = Files.createTempFile(dir, "time", ".jfr");
    Instant from;
    Instant to;
    try (JfrTimeRecorder recorder = JfrTimeRecorder.start()) {
      TimeWorkloads.sleeps();
      Thread.sleep(50);
      from = Instant.now();
      TimeWorkloads.sleep20Nanos = 0;
      for (int i = 0; i < 10; i++) {
        TimeWorkloads.sleeps();
      }
      to = Instant.now();
      recorder.stop(file);
    }
    LineTimes times =
        LineTimeAnalysis.analyze(
            file,
            List.of(upToSleep20, impostor),
            TimeFilter.thread(Thread.currentThread().getId()).between(from, to));

    EventTotals sleeps = times.totals(TimeEvent.THREAD_SLEEP);
    assertThat(sleeps.events()).isEqualTo(20);
    assertThat(sleeps.eventsInFunctions()).isEqualTo(10);
    assertThat((double) times.of(upToSleep20).nanos(line("sleep20")))
        .isWithin(0.05 * TimeWorkloads.sleep20Nanos)
        .of(TimeWorkloads.sleep20Nanos);
    assertThat(times.of(upToSleep20).lineNanosSum())
        .isEqualTo(times.of(upToSleep20).nanos(line("sleep20")));
    assertThat(times.of(impostor).events()).isEqualTo(0);
  }

  @Test
  void weightsGiveRunningCodeTheWallClockTheSamplerMissed() throws Exception {
    FunctionInfo spinsAndSleeps = function("spinsAndSleeps");
    TimeWorkloads.spin10Nanos = 0;
    TimeWorkloads.sleep10Nanos = 0;
    Run run =
        record(
            List.of(spinsAndSleeps),
            () -> {
              for (int i = 0; i < 30; i++) {
                TimeWorkloads.spinsAndSleeps();
              }
            });
    FunctionTimes nominal = run.times().of(spinsAndSleeps);
    LineTimes weighed = run.weighed();
    FunctionTimes times = weighed.of(spinsAndSleeps);
    double measuredSpin =
        100.0
            * TimeWorkloads.spin10Nanos
            / (TimeWorkloads.spin10Nanos + TimeWorkloads.sleep10Nanos);
    System.out.printf(
        "spin 10 ms vs sleep 10 ms: spin %.1f %% by period, %.1f %% weighed (%.1f %% unsampled), "
            + "%.1f %% measured%n",
        percent(nominal, "spin10"),
        percent(times, "spin10"),
        100 * weighed.unsampledShare(),
        measuredSpin);

    assertThat(weighed.threadNanos()).isWithin(1_000_000L).of(run.wall().toNanos());
    // By period it is 15 to 30 points short. The weighed spin line also gets the time the thread
    // waited for a core after each sleep, a few points on an overloaded machine.
    assertThat(percent(times, "spin10")).isWithin(8).of(measuredSpin);
  }

  @Test
  void aLineIsChargedTheBytesItAllocates() throws Exception {
    FunctionInfo allocates = function("allocates");
    int bytes = 1000;
    int hits = 300_000;
    for (int i = 0; i < hits; i++) {
      TimeWorkloads.allocates(bytes); // compiled, and gigabytes allocated before the recording
    }
    Run run =
        record(
            List.of(allocates),
            () -> {
              for (int i = 0; i < hits; i++) {
                TimeWorkloads.allocates(bytes);
              }
            });
    FunctionTimes times = run.times().of(allocates);
    long expected = (long) bytes * hits;
    System.out.printf(
        "allocates: new byte[%d] line %.3f x %d bytes, other line %d bytes, %d samples%n",
        bytes,
        times.bytes(line("new-bytes")) / (double) expected,
        expected,
        times.bytes(line("no-allocation")),
        run.times().allocationSamples());

    // The array's 16-byte header, and the bytes after the last sample, which no sample stands for.
    assertThat((double) times.bytes(line("new-bytes"))).isWithin(0.1 * expected).of(expected);
    assertThat(times.bytes(line("no-allocation"))).isAtMost(expected / 100);
    assertThat(run.times().allocationSamples()).isAtLeast(10);
  }
}
