package io.github.lineprof.internal.run;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.Scenario;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.ProbeMode;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the harness: the instrumented copy in the swap for the hits, the original for the Time
 * column (or the copy's own times), then the table printed and the reports written, also when the
 * scenario throws or the JVM exits during the run.
 */
public final class HarnessRun {
  /** The fork's time to start and to analyse its recording, beyond the scenario's. */
  private static final Duration FORK_GRACE = Duration.ofSeconds(30);

  /** The thread of the harness run under way in this JVM, if any. */
  private static final AtomicReference<Thread> RUNNING = new AtomicReference<>();

  @SuppressWarnings(
      "UnusedVariable") // written, never read: the JIT cannot drop the scenario's result
  private static volatile Object sink;

  private final ProfileOptions options;
  private final boolean compareWithOriginal;
  private final PrintStream out;

  /**
   * What a run made.
   *
   * @param profile the statistics and how they were made
   * @param value what the last measured invocation returned
   * @param failure what the scenario threw (in the copy, or only in the original), or null
   * @param hint why it may have failed where it did, or null
   * @param unwritten what kept the reports from being written, or null
   */
  public record Outcome(
      Profile profile,
      Object value,
      Throwable failure,
      String hint,
      UncheckedIOException unwritten) {}

  /**
   * @param compareWithOriginal whether to also run the scenario on the original classes
   * @param out where the table is printed; null prints nothing
   */
  public HarnessRun(ProfileOptions options, boolean compareWithOriginal, PrintStream out) {
    this.options = options;
    this.compareWithOriginal = compareWithOriginal;
    this.out = out;
  }

  /**
   * Runs the scenario, whose classes {@code origin} loads, and publishes its table. One run at a
   * time per JVM: the probes count for the whole JVM.
   *
   * @throws IllegalStateException when another harness run is under way in this JVM
   */
  public Outcome run(Scenario scenario, ClassLoader origin) {
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

  private Outcome profile(Scenario scenario, ClassLoader origin) {
    Mode mode = options.resolvedMode(compareWithOriginal);
    requireProbeMode(mode);
    byte[] serialized = ScenarioBytes.of(scenario);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "harness");
    settings.putAll(OptionTable.recorded(options, Launcher.HARNESS));
    ProfileStats start = ProbeCounts.snapshot();
    InstrumentedRun copy;
    try (ExitHook exit =
        new ExitHook(
            "lineprof-harness-exit",
            () ->
                publishQuietly(
                    byCopy(
                        ProbeCounts.snapshot().minus(start),
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
        profile = RunPipeline.timedByOriginal(copy.stats(), originals, options.measure(), settings);
      }
    } else {
      if (compareWithOriginal) {
        settings.put("overhead", overhead(copy.nanos(), timeOriginal(scenario)));
      }
      profile = byCopy(copy.stats(), settings, null);
    }
    profile = RunPipeline.withTooShortNote(profile, options);
    return new Outcome(profile, copy.value(), failure, hint, publish(profile));
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
    ProbeMode wanted = ProbeSettings.probes(mode);
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
      // the fork's warm-up takes at most warmupTime and what the slower copy's did, and its last
      // invocation (of warm-up or recording) may start just before either ends
      Duration perInvocation = Duration.ofNanos(copy.nanos() / options.measure());
      Duration timeout =
          options
              .maxTime()
              .plus(OptionTable.WARMUP_TIME.in(options))
              .plus(perInvocation.multipliedBy(options.warmup() + 2L))
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
      int measure = options.measure();
      long start = System.nanoTime();
      for (int i = 0; i < measure; i++) {
        sink = original.run();
      }
      return (System.nanoTime() - start) / (double) measure;
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
  private UncheckedIOException publish(Profile profile) {
    if (out != null) {
      out.print(RunPipeline.text(profile, options));
      out.flush();
    }
    try {
      RunPipeline.write(profile, options);
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
    UncheckedIOException unwritten = publish(profile);
    if (unwritten != null) {
      System.err.println(unwritten.getMessage());
    }
  }
}
