package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.swap.Classpath;
import io.github.lineprof.internal.time.NonSafepointDebugInfo;
import io.github.lineprof.report.stats.FunctionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
   * Times the original in a new JVM.
   *
   * @param origin the loader of the scenario's own class: the fork gets its class path
   * @param timeout how long the fork may take; past it, it is stopped and this throws
   * @throws ForkFailedException when the fork threw, exited or ran past {@code timeout} without an
   *     answer
   */
  public static OriginalRun run(
      byte[] scenario,
      ClassLoader origin,
      List<FunctionInfo> functions,
      ProfileOptions options,
      Duration timeout)
      throws IOException, InterruptedException {
    Path request = Files.createTempFile("lineprof-fork", ".request");
    Path answer = Files.createTempFile("lineprof-fork", ".answer");
    Process fork = null;
    try {
      write(request, new Request(scenario, List.copyOf(functions), options.settings()));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(inheritedJvmOptions());
      command.addAll(Arrays.asList(NonSafepointDebugInfo.JVM_OPTIONS.split(" ")));
      command.addAll(
          List.of(
              "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
              "-cp",
              Classpath.asPath(Classpath.of(origin)),
              OriginalFork.class.getName(),
              request.toString(),
              answer.toString()));
      fork = new ProcessBuilder(command).inheritIO().start();
      Process started = fork;
      // if this JVM exits first (SIGTERM, System.exit in another thread), the fork goes with it
      AtomicBoolean exiting = new AtomicBoolean();
      try (ExitHook cleanup =
          new ExitHook(
              "lineprof-fork-cleanup",
              () -> {
                exiting.set(true);
                stop(started, request, answer);
              })) {
        if (!fork.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          stop(fork, request, answer);
          throw new ForkFailedException(
              "the original ran past maxTime in the fork that times it: stopped after "
                  + timeout.toSeconds()
                  + " s (maxTime, warmupTime, the warm-up and 30 s to start and analyse): either"
                  + " it hangs outside lineprof's class loader, or the machine is too busy for"
                  + " the fork to finish in time (then raise maxTime)");
        }
      }
      if (exiting
          .get()) { // the fork was stopped because this JVM is exiting, not for its own fault
        throw new ForkFailedException("the JVM exited while the original was being timed");
      }
      int exit = fork.exitValue();
      Object result = Files.size(answer) == 0 ? null : read(answer);
      if (exit != 0 || !(result instanceof OriginalRun run)) {
        throw new ForkFailedException(
            result instanceof String message
                ? message
                : "the fork that times the original exited (status "
                    + exit
                    + ") without an answer: did the scenario call System.exit?");
      }
      return run;
    } finally {
      if (fork != null) {
        stop(fork, request, answer);
      }
      Files.deleteIfExists(request);
      Files.deleteIfExists(answer);
    }
  }

  /** The fork could not time the original: it threw, exited or hung where the copy did not. */
  public static final class ForkFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ForkFailedException(String message) {
      super("lineprof: " + message);
    }
  }

  /** Ends the fork (letting it delete its recording) and deletes the files it was handed. */
  private static void stop(Process fork, Path request, Path answer) {
    try {
      if (fork.isAlive()) {
        fork.destroy();
        if (!fork.waitFor(5, TimeUnit.SECONDS)) {
          fork.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
      Files.deleteIfExists(request);
      Files.deleteIfExists(answer);
    } catch (IOException e) {
      // a temporary file left behind is not worth failing the run over
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
      e.printStackTrace();
      write(answer, "the original threw in the fork that times it, where the copy did not: " + e);
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
