package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.internal.run.ProbeSettings;
import io.github.lineprof.probe.ProbeMode;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code -javaagent:lineprof-runtime.jar[=options]}: profiles any run (a main, {@code mvn test}
 * through surefire's argLine, JMH forks) by swapping the instrumented classes in as they load, and
 * writes the reports when the JVM exits, System.exit included. Options are {@link
 * ProfileOptions}'s.
 */
public final class LineProfAgent {
  /**
   * In the agent's {@code output}, replaced by the JVM's process id: JVMs given the same options
   * (surefire's forks) each write their own reports.
   */
  public static final String PID = "{pid}";

  private LineProfAgent() {}

  /** Set by the first premain of this JVM: a second agent would swap the swapped classes. */
  private static final AtomicBoolean ATTACHED = new AtomicBoolean();

  public static void premain(String args, Instrumentation instrumentation) {
    if (ATTACHED.getAndSet(true)) {
      System.err.println(
          "lineprof agent: attached twice (-javaagent:lineprof-runtime.jar is given twice);"
              + " the first one profiles, this one"
              + (args == null || args.isEmpty() ? "" : " and its options '" + args + "'")
              + " is ignored");
      return;
    }
    ProfileOptions options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      System.err.println("lineprof agent: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before any probe class loads: they read these once.
    ProbeSettings.apply(options, options.resolvedMode(false));
    // read now: surefire copies the build's -D properties (-Dlineprof.mode=original) into the
    // test JVM's system properties after premain, over these
    ProbeMode.current();
    instrumentation.addTransformer(new SwapTransformer());
    Runtime.getRuntime()
        .addShutdownHook(new Thread(new ExitReport(options), "lineprof-exit-report"));
  }

  /**
   * The agent's options, refused before the program starts rather than lost at its exit.
   *
   * @throws IllegalArgumentException naming the bad option, in one line
   */
  static ProfileOptions options(String args) {
    ProfileOptions options = ProfileOptions.parse(args);
    OptionTable.requireReadBy(Launcher.AGENT, options);
    String output = options.output().toString();
    if (output.contains(PID)) {
      options =
          options.with(
              Map.of("output", output.replace(PID, Long.toString(ProcessHandle.current().pid()))));
    }
    if (options.mode() == Mode.ORIGINAL) {
      throw new IllegalArgumentException(
          "mode=original needs the code run twice (harness or JMH profiler);"
              + " the agent runs the program once: use mode=sampled or mode=exact");
    }
    if (!options.formats().isEmpty()) {
      requireWritableFolder(options.output().toAbsolutePath());
    }
    return options;
  }

  /** The folder exists, or can be made in its nearest existing ancestor. */
  private static void requireWritableFolder(Path output) {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IllegalArgumentException("output=" + output + " is a file; reports need a folder");
    }
    Path existing = output;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    if (!Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          "output=" + output + " cannot be made: " + existing + " is a file");
    }
    if (!Files.isWritable(existing)) {
      throw new IllegalArgumentException(
          "output=" + output + " cannot be written: " + existing + " is read-only");
    }
  }
}
