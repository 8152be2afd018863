package io.github.lineprof.internal.run;

import io.github.lineprof.Scenario;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.internal.swap.Classpath;
import io.github.lineprof.internal.swap.Layout;
import io.github.lineprof.internal.swap.SwapClassLoader;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The harness's run of the instrumented copy: the scenario re-created in a class loader that swaps
 * the copies in, run for warm-up (not counted) and measurement (counted), JMH-style.
 *
 * @param stats what the probes counted (and timed) over the measurement invocations only
 * @param nanos wall-clock time of the measurement invocations
 * @param value what the last measured invocation returned
 * @param failure what the scenario threw, or null
 */
record InstrumentedRun(ProfileStats stats, long nanos, Object value, Throwable failure) {
  @SuppressWarnings("UnusedVariable") // written, never read: the JIT cannot drop the result
  private static volatile Object sink;

  /**
   * Runs the scenario with the instrumented classes swapped in.
   *
   * @param origin the loader of the scenario's own class, whose class path the copies are looked up
   *     in
   */
  public static InstrumentedRun run(
      byte[] scenario, ClassLoader origin, int warmup, int measure, PrintStream progress) {
    try (SwapClassLoader loader =
        new SwapClassLoader(Classpath.of(origin), InstrumentedRun.class.getClassLoader())) {
      Scenario swapped = ScenarioBytes.in(scenario, loader);
      ProfileStats before = ProbeCounts.snapshot();
      Throwable failure = null;
      Object value = null;
      long nanos = 0;
      try {
        long start = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
          sink = swapped.run();
        }
        progress(progress, "warm-up", warmup, System.nanoTime() - start);
        before = ProbeCounts.snapshot();
        start = System.nanoTime();
        for (int i = 0; i < measure; i++) {
          value = swapped.run();
        }
        nanos = System.nanoTime() - start;
        progress(progress, "measurement", measure, nanos);
      } catch (Exception | Error e) {
        failure = e;
      }
      if (loader.swappedClasses() == 0 && failure == null) {
        throw new IllegalStateException(
            loader.findResource(Layout.COPY_CLASSES) == null
                ? "lineprof: no instrumented copies on the class path ("
                    + Layout.COPY_CLASSES
                    + " is missing): they"
                    + " are compiled by lineprof-maven-plugin's instrument goal in process-classes. Run `mvn"
                    + " process-classes` (also after an IDE build, whose compile leaves them out), then start again."
                : "lineprof: the scenario ran none of the instrumented classes on the class path: do the methods"
                    + " it calls carry @LineProfile (or match the plugin's includes)? Their copies must be rebuilt"
                    + " (`mvn process-classes`) after a change.");
      }
      return new InstrumentedRun(ProbeCounts.snapshot().minus(before), nanos, value, failure);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JMH-style progress line, so a long run shows where it is. */
  static void progress(PrintStream out, String phase, long invocations, long nanos) {
    if (out != null && invocations > 0) {
      out.printf(
          Locale.ROOT,
          "# lineprof %s: %d invocation%s, %.3f ms%n",
          phase,
          invocations,
          invocations == 1 ? "" : "s",
          nanos / 1e6);
    }
  }
}
