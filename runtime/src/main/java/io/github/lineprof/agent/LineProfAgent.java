package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;

/**
 * {@code -javaagent:lineprof-runtime.jar[=options]}: profiles any run (a main, {@code mvn test} through
 * surefire's argLine, JMH forks) by swapping the instrumented classes in as they load, and writes the
 * reports when the JVM exits, System.exit included. Options are {@link ProfileOptions}'s.
 */
public final class LineProfAgent {
  private LineProfAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    ProfileOptions options;
    try {
      options = validated(ProfileOptions.parse(args));
    } catch (IllegalArgumentException e) {
      System.err.println("lineprof agent: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before any probe class loads: they read both once.
    System.setProperty(ProbeMode.PROPERTY, ProbeMode.timing(options.resolvedMode(false)).label());
    System.setProperty(Calibration.PROPERTY, Boolean.toString(options.calibration()));
    instrumentation.addTransformer(new SwapTransformer());
    if (!options.formats().isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(new ExitReport(options), "lineprof-exit-report"));
    }
  }

  /** What the agent cannot do, said before the program starts rather than lost at its exit. */
  private static ProfileOptions validated(ProfileOptions options) {
    if (options.mode() == Mode.ORIGINAL) {
      throw new IllegalArgumentException("mode=original needs the code run twice (harness or JMH profiler);"
          + " the agent runs the program once: use mode=sampled or mode=exact");
    }
    if (Files.exists(options.output()) && !Files.isDirectory(options.output())) {
      throw new IllegalArgumentException("output=" + options.output() + " is a file; reports need a folder");
    }
    return options;
  }
}
