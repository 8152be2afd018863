package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.internal.swap.Layout;
import io.github.lineprof.internal.swap.SwapLog;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The agent's shutdown hook: everything that ran in this JVM, written when it exits. */
final class ExitReport implements Runnable {
  private final ProfileOptions options;

  ExitReport(ProfileOptions options) {
    this.options = options;
  }

  /** The longest the report waits for other threads still at work, shutdown hooks among them. */
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Override
  public void run() {
    // Shutdown hooks run at once, in no order: the program's own may still run profiled code.
    List<Thread> unfinished = awaitBusyThreads(WAIT);
    ProfileStats stats = ProbeCounts.snapshot();
    String nothing = nothingProfiled(stats);
    if (nothing != null) {
      System.err.println("lineprof: nothing was profiled: " + nothing);
    }
    if (options.formats().isEmpty()) {
      return;
    }
    try {
      Profile profile = RunPipeline.timedByCopy(stats, Map.of("launcher", "agent"));
      if (!unfinished.isEmpty()) {
        RunInfo run = profile.runs().get(0);
        profile =
            new Profile(
                profile.stats(),
                List.of(
                    run.withSources(
                        run.sources().hits()
                            + "; not counted: hits made after this report by "
                            + unfinished.size()
                            + " thread(s) still busy when the JVM exited ("
                            + String.join(", ", unfinished.stream().map(Thread::getName).toList())
                            + ")",
                        run.sources().time())));
      }
      RunPipeline.write(profile, options);
      System.err.println("lineprof: reports written to " + options.output().toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("lineprof: cannot write the reports to " + options.output() + ": " + e);
    }
  }

  /**
   * Waits, at most {@code wait} in all, for the threads that may still run profiled code as the JVM
   * exits (running or sleeping, not idle; not daemons, not the one exiting) to end; returns those
   * still busy.
   */
  static List<Thread> awaitBusyThreads(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    // the JVM starts the hooks one after the other: the last may not have started yet
    while (startingHooks() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<Thread> busy = new ArrayList<>();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              if (thread != Thread.currentThread()
                  && !thread.isDaemon()
                  && !exiting(stack)
                  && ((thread.getState() == Thread.State.RUNNABLE && !inIo(stack))
                      || sleeping(stack))) {
                busy.add(thread);
              }
            });
    for (Thread thread : busy) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          thread.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return busy.stream().filter(Thread::isAlive).toList();
  }

  /** Whether the exiting thread is still starting shutdown hooks, not yet waiting for them. */
  private static boolean startingHooks() {
    return Thread.getAllStackTraces().values().stream()
        .anyMatch(
            stack ->
                Arrays.stream(stack)
                        .anyMatch(
                            f -> f.getClassName().equals("java.lang.ApplicationShutdownHooks"))
                    && Arrays.stream(stack)
                        .noneMatch(
                            f ->
                                f.getClassName().equals("java.lang.Thread")
                                    && f.getMethodName().startsWith("join")));
  }

  /** The thread that runs the shutdown (System.exit, or the end of main): it waits for hooks. */
  private static boolean exiting(StackTraceElement[] stack) {
    return Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.lang.Shutdown"));
  }

  /** Blocked in native I/O (a server's accept, a read of stdin), which counts as running. */
  private static boolean inIo(StackTraceElement[] stack) {
    return stack.length > 0
        && stack[0].isNativeMethod()
        && Stream.of("java.io.", "java.net.", "sun.nio.", "sun.net.")
            .anyMatch(stack[0].getClassName()::startsWith);
  }

  private static boolean sleeping(StackTraceElement[] stack) {
    return Arrays.stream(stack)
        .limit(4)
        .anyMatch(
            f ->
                f.getClassName().equals("java.lang.Thread")
                    && f.getMethodName().startsWith("sleep"));
  }

  /** Why the tables are empty, or null if a profiled line ran. */
  static String nothingProfiled(ProfileStats stats) {
    if (stats.functions().stream().mapToLong(FunctionStats::totalHits).sum() > 0) {
      return null;
    }
    if (SwapLog.skippedClasses() > 0) {
      return (SwapLog.swappedClasses() > 0
              ? SwapLog.swappedClasses()
                  + " classes ran their instrumented copy, none of their profiled methods ran, and"
                  + " these ran their original: "
              : "every class with an instrumented copy ran its original: ")
          + SwapLog.settings().get("skipped");
    }
    if (SwapLog.swappedClasses() > 0) {
      return SwapLog.swappedClasses()
          + " instrumented classes were loaded, but none of their profiled"
          + " methods ran";
    }
    return "no class that ran has an instrumented copy. Build with lineprof's processor and second compile,"
        + " so "
        + Layout.COPY_CLASSES
        + " is on the class path, and check that the methods carry @LineProfile";
  }
}
