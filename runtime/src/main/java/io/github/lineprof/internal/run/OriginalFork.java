package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.swap.Classpath;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link OriginalRun#record} in a forked JVM, as JMH forks: the fork gets the flags the
 * recorder needs for exact line numbers ({@value NonSafepointDebugInfo#JVM_OPTIONS}), the parent's
 * heap and JIT settings, its class path, and nothing of its agents or debugger.
 */
public final class OriginalFork {
  private OriginalFork() {}

  /** What the parent hands the fork. */
  private record Request(byte[] scenario, List<FunctionInfo> functions, Map<String, String> options)
      implements Serializable {}

  /**
   * @param origin the loader of the scenario's own class: the fork gets its class path
   */
  public static OriginalRun run(
      byte[] scenario, ClassLoader origin, List<FunctionInfo> functions, ProfileOptions options)
      throws IOException, InterruptedException {
    Path request = Files.createTempFile("lineprof-fork", ".request");
    Path answer = Files.createTempFile("lineprof-fork", ".answer");
    try {
      write(request, new Request(scenario, List.copyOf(functions), options.settings()));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(inheritedJvmOptions());
      command.addAll(Arrays.asList(NonSafepointDebugInfo.JVM_OPTIONS.split(" ")));
      command.addAll(
          List.of(
              "-cp",
              Classpath.asPath(Classpath.of(origin)),
              OriginalFork.class.getName(),
              request.toString(),
              answer.toString()));
      Process fork = new ProcessBuilder(command).inheritIO().start();
      int exit = fork.waitFor();
      Object result = Files.size(answer) == 0 ? null : read(answer);
      if (exit != 0 || !(result instanceof OriginalRun run)) {
        throw new IllegalStateException(
            "lineprof: the fork that times the original failed (exit "
                + exit
                + ")"
                + (result instanceof String message ? ": " + message : ""));
      }
      return run;
    } finally {
      Files.deleteIfExists(request);
      Files.deleteIfExists(answer);
    }
  }

  /**
   * The fork: records the original, answers with the {@link OriginalRun} or the failure's message.
   */
  public static void main(String[] args) throws IOException {
    Path answer = Path.of(args[1]);
    try {
      Request request = (Request) read(Path.of(args[0]));
      ProfileOptions options = ProfileOptions.defaults().with(request.options());
      write(
          answer,
          OriginalRun.record(
              request.scenario(),
              OriginalFork.class.getClassLoader(),
              request.functions(),
              options));
    } catch (Exception | Error e) {
      write(answer, "the original threw " + e);
      System.exit(1);
    }
  }

  /** The parent's -X and -XX options, which shape the JIT and heap the timing depends on. */
  private static List<String> inheritedJvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            arg ->
                arg.startsWith("-X")
                    && !arg.startsWith("-Xrunjdwp")
                    && !arg.startsWith("-Xdebug")
                    && !arg.startsWith("-XX:StartFlightRecording")
                    && !arg.startsWith("-XX:Flight"))
        .toList();
  }

  /**
   * A request or answer of a forked JVM, as Java serialization (also the JMH profiler's
   * instrumented run).
   */
  public static void write(Path file, Object value) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(value);
    }
  }

  public static Object read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        ObjectInputStream objects = new ObjectInputStream(in)) {
      return objects.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("lineprof: unreadable answer from the fork: " + e, e);
    }
  }
}
