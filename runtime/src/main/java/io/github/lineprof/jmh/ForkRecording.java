package io.github.lineprof.jmh;

import io.github.lineprof.internal.run.OriginalRun;
import io.github.lineprof.internal.run.SpeedControl;
import io.github.lineprof.internal.time.JfrTimeRecorder;
import io.github.lineprof.internal.time.LineTimeAnalysis;
import io.github.lineprof.internal.time.LineTimes;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.internal.time.TimeFilter;
import io.github.lineprof.report.stats.FunctionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Original mode's Time: a JMH fork running the original benchmark under the flight recorder. The
 * host names the recording's file in a system property of the fork; the fork records and writes it
 * with the measurement window and the speed control's time ({@link SpeedControl}, timed before and
 * after each measurement iteration) next to it; the host analyses it after the fork and deletes
 * both.
 *
 * <p>The recorder starts with the first iteration, warm-up included, so that JFR's start-up and the
 * compilation of its own classes happen before anything is measured; only the samples of the
 * measurement iterations count.
 */
final class ForkRecording {
  private static final String PROPERTY = "lineprof.jmh.recording";

  /**
   * JMH names its worker threads {@code <benchmark>-jmh-worker-<n>}: the threads the score
   * measures.
   */
  private static final String WORKER = "-jmh-worker-";

  /**
   * How long the speed control is timed before and after each measurement iteration: the workers
   * wait between iterations, so its rounds cannot interleave with theirs.
   */
  private static final long CONTROL_NANOS = 50_000_000L;

  private final Path file;
  private final Duration period;
  private JfrTimeRecorder recorder;
  private Instant from;
  private SpeedControl control;
  private int measured;

  private ForkRecording(Path file, Duration period) {
    this.file = file;
    this.period = period;
  }

  // ---- host JVM ----

  /** The JVM options of a fork that records into {@code file}, with exact line numbers. */
  static List<String> jvmOptions(Path file) {
    List<String> options =
        new ArrayList<>(Arrays.asList(NonSafepointDebugInfo.JVM_OPTIONS.split(" ")));
    options.add("-D" + PROPERTY + "=" + file);
    return options;
  }

  /**
   * The fork's recording analysed for {@code functions}' lines: the worker threads' samples in the
   * measurement window, weighed by their timelines there, as {@code ops} invocations of the
   * original. Deletes the files.
   */
  static OriginalRun analyze(
      Path file, List<FunctionInfo> functions, int threads, long ops, Duration period)
      throws IOException {
    try {
      List<String> window = Files.readAllLines(window(file));
      Instant from = Instant.parse(window.get(0));
      Instant to = Instant.parse(window.get(1));
      TimeFilter workers =
          new TimeFilter(
              t -> t.getJavaName() != null && t.getJavaName().contains(WORKER), from, to);
      Duration wall = Duration.between(from, to).multipliedBy(threads);
      LineTimes times = LineTimeAnalysis.analyzeWeighed(file, functions, workers, workers);
      return OriginalRun.of(times, functions, ops, wall.toNanos(), period, true)
          .withControl(Long.parseLong(window.get(2)));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(window(file));
    }
  }

  private static Path window(Path file) {
    return file.resolveSibling(file.getFileName() + ".window");
  }

  // ---- forked JVM ----

  /** The recording the host asked this fork for, or null when it asked for none. */
  static ForkRecording inThisFork(Duration period) {
    String file = System.getProperty(PROPERTY);
    return file == null ? null : new ForkRecording(Path.of(file), period);
  }

  void beforeIteration(IterationParams iteration) {
    if (recorder == null) {
      recorder = JfrTimeRecorder.start(period, JfrTimeRecorder.DEFAULT_STACK_DEPTH);
    }
    if (iteration.getType() == IterationType.MEASUREMENT) {
      if (measured == 0) {
        control = SpeedControl.warmedUp();
        from = Instant.now();
      }
      control.runFor(CONTROL_NANOS);
    }
  }

  /** After the last measurement iteration: stops, writes the recording and the window. */
  void afterIteration(IterationParams iteration) throws IOException {
    if (iteration.getType() != IterationType.MEASUREMENT) {
      return;
    }
    control.runFor(CONTROL_NANOS);
    if (++measured < iteration.getCount()) {
      return;
    }
    Instant to = Instant.now();
    try (JfrTimeRecorder done = recorder) {
      done.stop(file);
    }
    Files.writeString(window(file), from + "\n" + to + "\n" + control.nanosPerRound() + "\n");
  }
}
