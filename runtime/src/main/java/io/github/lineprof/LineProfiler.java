package io.github.lineprof;

import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.internal.run.HarnessRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a scenario with the instrumented classes swapped in and reports its lines, the way
 * line_profiler's {@code %lprun} does, with JMH's discipline: warm-up invocations let the JIT
 * compile the code first and are left out of the table; only measurement invocations count.
 *
 * <pre>{@code
 * ProfileResult result = LineProfiler.create().warmup(10).run(() -> Simulation.simulate(50, 10_000));
 * }</pre>
 */
public final class LineProfiler {
  /**
   * {@code -Dlineprof.options=output=DIR,mode=exact}: settings a launcher (the Maven plugin's
   * {@code profile} goal, a script) gives every harness run of the JVM; the code's own settings
   * win.
   */
  public static final String OPTIONS_PROPERTY = "lineprof.options";

  /** What the harness's reports default to: apart from the tests' {@code target/lineprof/}. */
  static final String DEFAULT_OUTPUT = "target/lineprof/harness";

  private ProfileOptions options =
      ProfileOptions.defaults()
          .with(Map.of("output", DEFAULT_OUTPUT))
          .with(System.getProperty(OPTIONS_PROPERTY));
  private PrintStream out = System.out;
  private boolean compareWithOriginal = true;

  private LineProfiler() {}

  public static LineProfiler create() {
    return new LineProfiler();
  }

  /** All settings at once, e.g. {@code ProfileOptions.parse("mode=exact,unit=1e-6")}. */
  public LineProfiler options(ProfileOptions options) {
    this.options = options;
    return this;
  }

  /** These settings on top of the current ones, e.g. {@code "samples=2000,maxTime=5s"}. */
  public LineProfiler options(String settings) {
    this.options = options.with(settings);
    return this;
  }

  /** Where the Time column comes from; {@link Mode#AUTO} (the default) measures the original. */
  public LineProfiler mode(Mode mode) {
    return options(Map.of("mode", mode.label()));
  }

  /** Invocations run before measuring, not reported. */
  public LineProfiler warmup(int invocations) {
    return options(Map.of("warmup", String.valueOf(invocations)));
  }

  /** Invocations measured; the table's Hits count them. */
  public LineProfiler measure(int invocations) {
    return options(Map.of("measure", String.valueOf(invocations)));
  }

  /** Where report.txt, report.json, index.html and summary.md go; null writes no file. */
  public LineProfiler outputDirectory(Path directory) {
    return options(
        directory == null ? Map.of("formats", "none") : Map.of("output", directory.toString()));
  }

  /**
   * Whether to also run the scenario on the original classes (default true): in original mode for
   * the Time column, else for the overhead line under the tables. Without it, Time comes from the
   * instrumented copy (sampled mode unless exact is asked for).
   */
  public LineProfiler compareWithOriginal(boolean compare) {
    this.compareWithOriginal = compare;
    return this;
  }

  /** Where the table is printed; null prints nothing. */
  public LineProfiler printTo(PrintStream stream) {
    this.out = stream;
    return this;
  }

  private LineProfiler options(Map<String, String> settings) {
    this.options = options.with(settings);
    return this;
  }

  /**
   * Runs the scenario in a class loader that swaps in the instrumented classes. If the scenario
   * throws (in the copy, or only in the original that times it), the table of what ran is still
   * printed and written, then a {@link ScenarioFailedException} carries the failure and the result.
   * One run at a time per JVM: the probes count for the whole JVM.
   *
   * @throws IllegalStateException when another harness run is under way in this JVM
   */
  public ProfileResult run(Scenario scenario) {
    return profile(scenario, scenario.getClass().getClassLoader());
  }

  /** {@link #run(Scenario)} for code that returns nothing, e.g. {@code () -> { doWork(); }}. */
  public ProfileResult run(VoidScenario scenario) {
    return profile(new NoValue(scenario), scenario.getClass().getClassLoader());
  }

  /** A scenario that returns nothing, as one whose value is null. */
  private record NoValue(VoidScenario scenario) implements Scenario {
    @Override
    public Object run() throws Exception {
      scenario.run();
      return null;
    }
  }

  private ProfileResult profile(Scenario scenario, ClassLoader origin) {
    HarnessRun.Outcome outcome =
        new HarnessRun(options, compareWithOriginal, out).run(scenario, origin);
    ProfileResult result =
        new ProfileResult(outcome.profile(), options, outcome.value(), outcome.failure());
    if (result.failure() != null) {
      // the scenario's failure comes first: a report that could not be written is attached to it
      ScenarioFailedException failed = new ScenarioFailedException(result, outcome.hint());
      if (outcome.unwritten() != null) {
        failed.addSuppressed(outcome.unwritten());
      }
      throw failed;
    }
    if (outcome.unwritten() != null) {
      throw outcome.unwritten();
    }
    return result;
  }
}
