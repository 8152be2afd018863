package io.github.lineprof.agent;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.swap.SwapLog;
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
    ProfileStats stats = ProbeRegistry.snapshot();
    String nothing = nothingProfiled(stats);
    if (nothing != null) {
      System.err.println("lineprof: nothing was profiled: " + nothing);
    }
    if (options.formats().isEmpty()) {
      return;
    }
    try {
      RunPipeline.write(RunPipeline.timedByCopy(stats, Map.of("launcher", "agent")), options);
      System.err.println("lineprof: reports written to " + options.output().toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      System.err.println("lineprof: cannot write the reports to " + options.output() + ": " + e);
    }
  }

  /** Why the tables are empty, or null if a profiled line ran. */
  static String nothingProfiled(ProfileStats stats) {
    if (stats.functions().stream().mapToLong(FunctionStats::totalHits).sum() > 0) {
      return null;
    }
    if (SwapLog.swappedClasses() > 0) {
      return SwapLog.swappedClasses()
          + " instrumented classes were loaded, but none of their profiled"
          + " methods ran";
    }
    if (SwapLog.skippedClasses() > 0) {
      return "every class with an instrumented copy ran its original: "
          + SwapLog.settings().get("skipped");
    }
    return "no class that ran has an instrumented copy. Build with lineprof's processor and second compile,"
        + " so META-INF/lineprof/classes/ is on the class path, and check that the methods carry @LineProfile";
  }
}
