package io.github.lineprof.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The demo's line shares as a user gets them by hand, without lineprof: {@link SimulationBenchmark}
 * run plain by JMH, its fork started with a flight recording (1 ms execution samples, line numbers
 * between safepoints, warm-up left out by a delay), then {@code jfr print --events jdk.ExecutionSample}
 * read line by line: each sample with a {@code Simulation.simulate} frame counts for that frame's line.
 */
final class HandRecording {
  private static final Pattern SIMULATE_FRAME =
      Pattern.compile("io\\.github\\.lineprof\\.demo\\.Simulation\\.simulate\\(int, int\\)\\s+line: (\\d+)");

  private HandRecording() {}

  /** Samples per line of {@code simulate}, by line number. */
  static Map<Integer, Long> simulateSamples() throws IOException, InterruptedException, RunnerException {
    Path recording = Files.createTempFile("lineprof-by-hand", ".jfr");
    try {
      // JMH's warm-up is 5 x 1 s after about a second of start-up; the measurement 10 x 1 s.
      new Runner(new OptionsBuilder().include(SimulationBenchmark.class.getName())
          .forks(1).warmupIterations(5).measurementIterations(10)
          .jvmArgsAppend("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
              "-XX:StartFlightRecording=delay=7s,duration=9s,filename=" + recording
                  + ",jdk.ExecutionSample#period=1ms")
          .build()).run();
      return count(print(recording));
    } finally {
      Files.deleteIfExists(recording);
    }
  }

  /** What {@code jfr print} says of the samples, with stacks deep enough to reach simulate. */
  private static List<String> print(Path recording) throws IOException, InterruptedException {
    Path text = Files.createTempFile("lineprof-by-hand", ".txt");
    try {
      Process jfr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "print",
          "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording.toString())
          .redirectOutput(text.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (jfr.waitFor() != 0) {
        throw new IOException("jfr print failed on " + recording);
      }
      return Files.readAllLines(text);
    } finally {
      Files.deleteIfExists(text);
    }
  }

  /** Each event's first (innermost) simulate frame; simulate does not recurse. */
  private static Map<Integer, Long> count(List<String> printed) {
    Map<Integer, Long> samples = new TreeMap<>();
    boolean counted = false;
    for (String line : printed) {
      if (line.startsWith("jdk.ExecutionSample")) {
        counted = false;
      }
      Matcher frame = SIMULATE_FRAME.matcher(line);
      if (!counted && frame.find()) {
        samples.merge(Integer.parseInt(frame.group(1)), 1L, Long::sum);
        counted = true;
      }
    }
    return samples;
  }
}
