package io.github.lineprof;

import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.internal.run.ExitHook;
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
import io.github.lineprof.probe.ProbeRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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

  /** The fork's time to start and to analyse its recording, beyond the scenario's. */
  private static final Duration FORK_GRACE = Duration.ofSeconds(30);

  /** The thread of the harness run under way in this JVM, if any. */
  private static final AtomicReference<Thread> RUNNING = new AtomicReference<>();

  private ProfileOptions options =
      ProfileOptions.defaults()
          .with(Map.of("output", DEFAULT_OUTPUT))
          .with(System.getProperty(OPTIONS_PROPERTY));
  private PrintStream out = System.out;
  private boolean compareWithOriginal = true;

  @SuppressWarnings(
      "UnusedVariable") // written, never read: the JIT cannot drop the scenario's result
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
   * throws (in the copy, or only in the original that times it), the table of what ran is still
   * printed and written, then a {@link ScenarioFailedException} carries the failure and the result.
   * One run at a time per JVM: the probes count for the whole JVM.
   *
   * @throws IllegalStateException when another harness run is under way in this JVM
   */
  public ProfileResult run(Scenario scenario) {
    return runAlone(scenario, scenario.getClass().getClassLoader());
  }

  /** {@link #run(Scenario)} for code that returns nothing, e.g. {@code () -> { doWork(); }}. */
  public ProfileResult run(VoidScenario scenario) {
    return runAlone(new NoValue(scenario), scenario.getClass().getClassLoader());
  }

  /** A scenario that returns nothing, as one whose value is null. */
  private record NoValue(VoidScenario scenario) implements Scenario {
    @Override
    public Object run() throws Exception {
      scenario.run();
      return null;
    }
  }

  private ProfileResult runAlone(Scenario scenario, ClassLoader origin) {
    Thread running = RUNNING.compareAndExchange(null, Thread.currentThread());
    if (running != null) {
      throw new IllegalStateException(
          "lineprof: another harness run is under way in this JVM (thread '"
              + running.getName()
              + "'): the probes count for the whole JVM, so two runs at once would mix their"
              + " hits; run them one after the other");
    }
    try {
      return profile(scenario, origin);
    } finally {
      RUNNING.set(null);
    }
  }

  private ProfileResult profile(Scenario scenario, ClassLoader origin) {
    Mode mode = options.resolvedMode(compareWithOriginal);
    requireProbeMode(mode);
    byte[] serialized = ScenarioBytes.of(scenario);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "harness");
    settings.put("warmup", String.valueOf(options.warmup()));
    settings.put("measure", String.valueOf(options.measure()));
    ProfileStats start = ProbeRegistry.snapshot();
    InstrumentedRun copy;
    try (ExitHook exit =
        new ExitHook(
            "lineprof-harness-exit",
            () ->
                publishQuietly(
                    byCopy(
                        ProbeRegistry.snapshot().minus(start),
                        settings,
                        "the JVM exited during the run (System.exit in the scenario, or a signal):"
                            + " hits of the warm-up and measurement until then")))) {
      copy = InstrumentedRun.run(serialized, origin, options.warmup(), options.measure(), out);
    }
    Throwable failure = copy.failure();
    String hint = failure == null ? null : onlyInTheSwap(scenario);
    Profile profile;
    if (failure != null) {
      profile =
          byCopy(
              copy.stats(),
              settings,
              mode == Mode.ORIGINAL
                  ? "the scenario threw, so the original was not recorded"
                  : null);
    } else if (mode == Mode.ORIGINAL
        && !options.fork()
        && !ModuleLayer.boot().findModule("jdk.jfr").isPresent()) {
      profile =
          byCopy(
              copy.stats(),
              settings,
              "this JVM has no jdk.jfr module, which times the original with fork=false:"
                  + " run on a JDK that has it, or with mode=exact");
    } else if (mode == Mode.ORIGINAL) {
      List<OriginalRun> originals = new ArrayList<>();
      try (ExitHook exit =
          new ExitHook(
              "lineprof-harness-exit",
              () ->
                  publishQuietly(
                      byCopy(
                          copy.stats(),
                          settings,
                          "the JVM exited while the original was being timed")))) {
        for (int run = 0; run < options.runs(); run++) {
          originals.add(timeOriginal(serialized, origin, copy));
        }
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      if (failure != null) {
        profile =
            byCopy(
                copy.stats(),
                settings,
                "the original was not timed: "
                    + String.valueOf(failure.getMessage()).replaceFirst("^lineprof: ", ""));
      } else {
        OriginalRun first = originals.get(0);
        settings.put(
            "overhead", overhead(copy.nanos(), first.wallNanos() / (double) first.invocations()));
        if (options.runs() > 1) {
          settings.put("runs", String.valueOf(options.runs()));
        }
        profile = RunPipeline.timedByOriginal(copy.stats(), originals, options.measure(), settings);
      }
    } else {
      if (compareWithOriginal) {
        settings.put("overhead", overhead(copy.nanos(), timeOriginal(scenario)));
      }
      profile = byCopy(copy.stats(), settings, null);
    }
    profile = RunPipeline.withTooShortNote(profile, options);
    ProfileResult result = new ProfileResult(profile, options, copy.value(), failure);
    UncheckedIOException unwritten = publish(result);
    if (result.failure() != null) {
      // the scenario's failure comes first: a report that could not be written is attached to it
      ScenarioFailedException failed = new ScenarioFailedException(result, hint);
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
   * The copy's statistics, timed by the copy's probes; {@code notOriginal}, when not null, says why
   * Time is not the original's.
   */
  private static Profile byCopy(
      ProfileStats stats, Map<String, String> settings, String notOriginal) {
    Profile profile = RunPipeline.timedByCopy(stats, settings);
    if (notOriginal == null) {
      return profile;
    }
    RunInfo run = profile.runs().get(0);
    return new Profile(
        profile.stats(),
        List.of(
            run.withSources(
                run.sources().hits(),
                run.sources().time() + ", not the original's: " + notOriginal)));
  }

  /**
   * Why the scenario may have failed in lineprof's class loader when it runs outside: there every
   * class of the application is loaded again, with its static fields at their initial values. Null
   * when the scenario fails outside too, and the failure is its own.
   */
  private String onlyInTheSwap(Scenario scenario) {
    try {
      sink = scenario.run();
    } catch (Exception | Error e) {
      return null;
    }
    return "it ran without failing outside lineprof's class loader, which loads every class of the"
        + " application again, with its static fields at their initial values: state set before"
        + " run() (by main, a test's setup) is not there; set it up inside the scenario";
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

  /**
   * Runs the original under the recorder, in a fork unless told otherwise, for the Time column.
   *
   * @throws RuntimeException what the original threw, or why the fork could not time it
   */
  private OriginalRun timeOriginal(byte[] scenario, ClassLoader origin, InstrumentedRun copy) {
    List<FunctionInfo> functions =
        copy.stats().functions().stream().map(FunctionStats::info).toList();
    if (out != null) {
      out.printf(
          Locale.ROOT,
          "# lineprof original: recording the original until every line's share is known within"
              + " +-%s points (95 %%), at most %d s%s%n",
          options.precision(),
          options.maxTime().toSeconds(),
          options.fork() ? " in a forked JVM" : "");
    }
    try {
      if (!options.fork()) {
        return OriginalRun.record(scenario, origin, functions, options);
      }
      // the fork's warm-up takes at most what the slower copy's did, and its last invocation may
      // start just before maxTime
      Duration perInvocation = Duration.ofNanos(copy.nanos() / options.measure());
      Duration timeout =
          options
              .maxTime()
              .plus(perInvocation.multipliedBy(options.warmup() + 1L))
              .plus(FORK_GRACE);
      return OriginalFork.run(scenario, origin, functions, options, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("lineprof: interrupted while timing the original", e);
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot time the original: " + e, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "lineprof: the original threw where the copy did not: " + e, e);
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
      if (out != null && !options.formats().isEmpty()) {
        out.println("lineprof: reports written to " + options.output().toAbsolutePath());
        out.flush();
      }
      return null;
    } catch (IOException e) {
      return new UncheckedIOException(
          "lineprof: cannot write the reports to " + options.output() + ": " + e, e);
    }
  }

  /** As the JVM exits: what ran so far, printed and written, or why it could not be. */
  private void publishQuietly(Profile profile) {
    UncheckedIOException unwritten = publish(new ProfileResult(profile, options, null, null));
    if (unwritten != null) {
      System.err.println(unwritten.getMessage());
    }
  }
}
