package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.report.stats.RunInfo;
import java.util.Locale;

/**
 * How long the harness's original mode records {@link Workloads#accuracy} before every line's share
 * is known within its precision target (default +-1 point at 95 %): runs the harness {@code runs}
 * times with the options given and prints each run's note on what ended the recording.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.TimeToTable [runs] [options]
 * </pre>
 */
public final class TimeToTable {
  private static volatile long seed = 11;

  private TimeToTable() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String options = args.length > 1 ? args[1] : "";
    for (int run = 1; run <= runs; run++) {
      long captured = seed;
      long start = System.nanoTime();
      ProfileResult result =
          LineProfiler.create()
              .options(options)
              .printTo(null)
              .run(() -> Workloads.accuracy(captured));
      double seconds = (System.nanoTime() - start) / 1e9;
      for (String timeSource : result.timeSources()) {
        System.out.printf(
            Locale.ROOT,
            "run %d: %.1f s in all (warm-up, hits, fork, analysis); Time: %s%n",
            run,
            seconds,
            timeSource);
      }
    }
  }
}
