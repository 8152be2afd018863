package io.github.lineprof.agent;

import io.github.lineprof.probe.Calibration;
import io.github.lineprof.probe.ProbeMode;
import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:lineprof-runtime.jar[=options]}: profiles any run (a main, {@code mvn test} through
 * surefire's argLine, JMH forks) by swapping the instrumented classes in as they load, and writes the
 * reports when the JVM exits, System.exit included.
 */
public final class LineProfAgent {
  private LineProfAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    AgentOptions options;
    try {
      options = AgentOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("lineprof agent: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Before any probe class loads: they read both once.
    if (options.mode() != null) {
      System.setProperty(ProbeMode.PROPERTY, options.mode().label());
    }
    if (options.calibration() != null) {
      System.setProperty(Calibration.PROPERTY, options.calibration().toString());
    }
    instrumentation.addTransformer(new SwapTransformer());
    if (!options.formats().isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(new ExitReport(options), "lineprof-exit-report"));
    }
  }
}
