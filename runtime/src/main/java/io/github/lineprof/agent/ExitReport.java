package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.probe.ProbeRegistry;
import java.io.IOException;
import java.util.Map;

/** The agent's shutdown hook: everything that ran in this JVM, written when it exits. */
final class ExitReport implements Runnable {
  private final ProfileOptions options;

  ExitReport(ProfileOptions options) {
    this.options = options;
  }

  @Override
  public void run() {
    try {
      RunPipeline.write(RunPipeline.timedByCopy(ProbeRegistry.snapshot(), Map.of("launcher", "agent")), options);
      System.err.println("lineprof: reports written to " + options.output().toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("lineprof: cannot write the reports to " + options.output() + ": " + e);
    }
  }
}
