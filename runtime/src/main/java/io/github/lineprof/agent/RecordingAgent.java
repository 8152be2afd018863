package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.time.JfrTimeRecorder;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The agent of the Maven plugin's second test run in original mode (from a {@link
 * io.github.lineprof.internal.run.ManifestOnlyJar}): swaps nothing, so the tests run the untouched
 * classes, and records the JVM under the flight recorder from its start, as the harness records the
 * original. When the JVM exits, JFR writes {@code original-<pid>.jfr} into the {@code output}
 * folder, beside {@code original-<pid>.jfr.window}: when the recording began and ended, which the
 * report goal's analysis keeps to.
 */
public final class RecordingAgent {
  private RecordingAgent() {}

  public static void premain(String args, Instrumentation ignored) {
    Path recording;
    Instant from;
    try {
      ProfileOptions options = ProfileOptions.parse(args);
      Files.createDirectories(options.output());
      recording = options.output().resolve("original-" + ProcessHandle.current().pid() + ".jfr");
      JfrTimeRecorder.start(options.period(), JfrTimeRecorder.DEFAULT_STACK_DEPTH)
          .writeOnExit(recording);
      from = Instant.now();
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("lineprof recording agent: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path window = window(recording);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(window, from + "\n" + Instant.now() + "\n");
                  } catch (IOException e) {
                    System.err.println("lineprof: cannot write " + window + ": " + e);
                  }
                },
                "lineprof-recording-window"));
  }

  /** The file beside a recording that holds when it began and ended, one instant a line. */
  public static Path window(Path recording) {
    return recording.resolveSibling(recording.getFileName() + ".window");
  }
}
