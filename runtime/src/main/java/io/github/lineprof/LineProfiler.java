package io.github.lineprof;

import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.internal.run.InstrumentedRun;
import io.github.lineprof.internal.run.OriginalFork;
import io.github.lineprof.internal.run.OriginalRun;
import io.github.lineprof.internal.run.ProbeSettings;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.internal.run.ScenarioBytes;
import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import io.github.lineprof.probe.ProbeMode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  private ProfileOptions options =
      ProfileOptions.defaults().with(System.getProperty(OPTIONS_PROPERTY));
  private PrintStream out = System.out;
  private boolean compareWithOriginal = true;
  private static volatile Object sink;

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
   * throws, the table of what ran is still printed and written, then a {@link
   * ScenarioFailedException} carries the failure and the result.
   */
  public ProfileResult run(Scenario scenario) {
    Mode mode = options.resolvedMode(compareWithOriginal);
    requireProbeMode(mode);
    byte[] serialized = ScenarioBytes.of(scenario);
    InstrumentedRun copy =
        InstrumentedRun.run(
            serialized,
            scenario.getClass().getClassLoader(),
            options.warmup(),
            options.measure(),
            out);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "harness");
    settings.put("warmup", String.valueOf(options.warmup()));
    settings.put("measure", String.valueOf(options.measure()));
    Profile profile;
    if (copy.failure() == null && mode == Mode.ORIGINAL) {
      List<OriginalRun> originals = new ArrayList<>();
      for (int run = 0; run < options.runs(); run++) {
        originals.add(timeOriginal(serialized, scenario.getClass().getClassLoader(), copy.stats()));
      }
      OriginalRun first = originals.get(0);
      settings.put(
          "overhead", overhead(copy.nanos(), first.wallNanos() / (double) first.invocations()));
      if (options.runs() > 1) {
        settings.put("runs", String.valueOf(options.runs()));
      }
      profile = RunPipeline.timedByOriginal(copy.stats(), originals, options.measure(), settings);
    } else {
      if (copy.failure() == null && compareWithOriginal) {
        settings.put("overhead", overhead(copy.nanos(), timeOriginal(scenario)));
      }
      profile = RunPipeline.timedByCopy(copy.stats(), settings);
      if (mode == Mode.ORIGINAL) {
        // the copy threw, so the original was not recorded: say why Time is the copy's
        RunInfo run = profile.runs().get(0);
        profile =
            new Profile(
                profile.stats(),
                List.of(
                    run.withSources(
                        run.sources().hits(),
                        run.sources().time()
                            + ", not the original's: the scenario threw, so the original was not recorded")));
      }
    }
    ProfileResult result = new ProfileResult(profile, options, copy.value(), copy.failure());
    UncheckedIOException unwritten = publish(result);
    if (result.failure() != null) {
      // the scenario's failure comes first: a report that could not be written is attached to it
      ScenarioFailedException failed = new ScenarioFailedException(result);
      if (unwritten != null) {
        failed.addSuppressed(unwritten);
      }
      throw failed;
    }
    if (unwritten != null) {
      throw unwritten;
    }
    return result;
  }

  /**
   * The JVM's probes are chosen once; a second run in another mode cannot change them. Whether they
   * keep the spread is too: the reports say whether this run's have it.
   */
  private void requireProbeMode(Mode mode) {
    ProbeMode wanted = ProbeMode.timing(mode);
    String set = System.getProperty(ProbeMode.PROPERTY);
    if (set == null) {
      ProbeSettings.apply(options, mode);
    } else if (!set.equals(wanted.label()) && ProbeMode.current() != wanted) {
      throw new IllegalStateException(
          "lineprof: this JVM's probes run in "
              + ProbeMode.current().label()
              + " mode; this run needs "
              + wanted.label()
              + " probes: use one mode per JVM");
    }
  }

  /** Runs the original under the recorder, in a fork unless told otherwise, for the Time column. */
  private OriginalRun timeOriginal(byte[] scenario, ClassLoader origin, ProfileStats hits) {
    List<FunctionInfo> functions = hits.functions().stream().map(FunctionStats::info).toList();
    try {
      if (out != null) {
        out.printf(
            Locale.ROOT,
            "# lineprof original: recording about %d samples of the original (at most %d s)%s%n",
            options.samples(),
            options.maxTime().toSeconds(),
            options.fork() ? " in a forked JVM" : "");
      }
      return options.fork()
          ? OriginalFork.run(scenario, origin, functions, options)
          : OriginalRun.record(scenario, origin, functions, options);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("lineprof: interrupted while timing the original", e);
    } catch (Exception e) {
      throw new IllegalStateException("lineprof: cannot time the original: " + e.getMessage(), e);
    }
  }

  /**
   * Times the scenario on the original classes, as many invocations after the same warm-up; NaN if
   * the original threw where the copy did not (worth knowing, but not worth failing the run).
   */
  private double timeOriginal(Scenario original) {
    try {
      for (int i = 0; i < options.warmup(); i++) {
        sink = original.run();
      }
      long start = System.nanoTime();
      for (int i = 0; i < options.measure(); i++) {
        sink = original.run();
      }
      return (System.nanoTime() - start) / (double) options.measure();
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  /** What the probes cost this run: the copy's time per invocation against the original's. */
  private String overhead(long instrumentedNanos, double originalNanosPerInvocation) {
    double instrumented = instrumentedNanos / (double) options.measure();
    return Double.isNaN(originalNanosPerInvocation)
        ? "the original threw where the copy did not"
        : String.format(
            Locale.ROOT,
            "%.3f ms per invocation instrumented, %.3f ms original (%.2fx)",
            instrumented / 1e6,
            originalNanosPerInvocation / 1e6,
            instrumented / Math.max(1, originalNanosPerInvocation));
  }

  /** Prints the tables and writes the reports; returns what kept the reports from being written. */
  private UncheckedIOException publish(ProfileResult result) {
    if (out != null) {
      out.print(result.text());
      out.flush();
    }
    try {
      RunPipeline.write(result.profile(), options);
      return null;
    } catch (IOException e) {
      return new UncheckedIOException(
          "lineprof: cannot write the reports to " + options.output() + ": " + e, e);
    }
  }
}
