package io.github.lineprof.agent;

import io.github.lineprof.internal.run.Runs;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.internal.report.Reports;
import io.github.lineprof.internal.report.TextOptions;
import io.github.lineprof.internal.stats.RunInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The agent's shutdown hook: everything that ran in this JVM, written when it exits. */
final class ExitReport implements Runnable {
  private final AgentOptions options;

  ExitReport(AgentOptions options) {
    this.options = options;
  }

  @Override
  public void run() {
    RunInfo run = Runs.describe(Map.of("launcher", "agent"));
    try {
      Reports.write(options.output(), Runs.finish(ProbeRegistry.snapshot()), List.of(run),
          TextOptions.defaults().withOutputUnit(options.outputUnit()), options.formats());
      System.err.println("lineprof: reports written to " + options.output().toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("lineprof: cannot write the reports to " + options.output() + ": " + e);
    }
  }
}
