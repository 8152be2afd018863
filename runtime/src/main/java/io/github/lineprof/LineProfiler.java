package io.github.lineprof;

import io.github.lineprof.internal.run.Runs;
import io.github.lineprof.internal.swap.Classpath;
import io.github.lineprof.internal.swap.SwapClassLoader;
import io.github.lineprof.probe.ProbeRegistry;
import io.github.lineprof.internal.report.ReportFormat;
import io.github.lineprof.internal.report.Reports;
import io.github.lineprof.internal.report.TextOptions;
import io.github.lineprof.internal.stats.ProfileStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
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
  private int warmup;
  private int measure = 1;
  private Path outputDirectory = Path.of("target", "lineprof");
  private TextOptions textOptions = TextOptions.defaults();
  private PrintStream out = System.out;
  private boolean compareWithOriginal = true;
  private static volatile Object sink;

  private LineProfiler() {}

  public static LineProfiler create() {
    return new LineProfiler();
  }

  /** Profiles one invocation of {@code scenario}, prints the tables and writes target/lineprof/. */
  public static ProfileResult profile(Scenario scenario) {
    return create().run(scenario);
  }

  /** Invocations run before measuring, not reported. */
  public LineProfiler warmup(int invocations) {
    this.warmup = requireAtLeast(0, invocations, "warm-up invocations");
    return this;
  }

  /** Invocations measured; the table sums them. */
  public LineProfiler measure(int invocations) {
    this.measure = requireAtLeast(1, invocations, "measurement invocations");
    return this;
  }

  /** Where report.txt, report.json and index.html go; null writes no file. */
  public LineProfiler outputDirectory(Path directory) {
    this.outputDirectory = directory;
    return this;
  }

  public LineProfiler textOptions(TextOptions options) {
    this.textOptions = options;
    return this;
  }

  /**
   * Whether to also time the scenario on the original classes, for the overhead line under the
   * tables (default true); the original then runs as many times again.
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

  /**
   * Runs the scenario in a class loader that swaps in the instrumented classes. If the scenario
   * throws, the table of what ran is still printed and written, then a {@link ScenarioFailedException}
   * carries the failure and the result.
   */
  public ProfileResult run(Scenario scenario) {
    byte[] serialized = serialize(scenario);
    Throwable failure = null;
    Object value = null;
    long measuredNanos = 0;
    ProfileStats measured;
    try (SwapClassLoader loader = new SwapClassLoader(Classpath.current(), LineProfiler.class.getClassLoader())) {
      Scenario swapped = deserialize(serialized, loader);
      ProfileStats before = ProbeRegistry.snapshot();
      try {
        long start = System.nanoTime();
        for (int i = 0; i < warmup; i++) {
          sink = swapped.run();
        }
        progress("warm-up", warmup, System.nanoTime() - start);
        before = ProbeRegistry.snapshot();
        start = System.nanoTime();
        for (int i = 0; i < measure; i++) {
          value = swapped.run();
        }
        measuredNanos = System.nanoTime() - start;
        progress("measurement", measure, measuredNanos);
      } catch (Exception | Error e) {
        failure = e;
      }
      if (loader.swappedClasses() == 0 && failure == null) {
        throw new IllegalStateException("lineprof: the scenario ran no instrumented class. Check that its"
            + " methods carry @LineProfile and that the build runs lineprof's processor and second compile"
            + " (META-INF/lineprof/classes/ must be on the class path).");
      }
      measured = ProbeRegistry.snapshot().minus(before);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("launcher", "harness");
    settings.put("warmup", String.valueOf(warmup));
    settings.put("measure", String.valueOf(measure));
    if (failure == null && compareWithOriginal) {
      settings.put("overhead", overhead(scenario, measuredNanos));
    }
    ProfileResult result = new ProfileResult(
        Runs.finish(measured), Runs.describe(settings), textOptions, value, failure);
    publish(result);
    if (result.failure() != null) {
      throw new ScenarioFailedException(result);
    }
    return result;
  }

  /**
   * Times the scenario on the original classes, as many invocations after the same warm-up, and
   * states the ratio: what the probes cost this run.
   */
  private String overhead(Scenario original, long instrumentedNanos) {
    try {
      for (int i = 0; i < warmup; i++) {
        sink = original.run();
      }
      long start = System.nanoTime();
      for (int i = 0; i < measure; i++) {
        sink = original.run();
      }
      long originalNanos = System.nanoTime() - start;
      return String.format(Locale.ROOT, "%.3f ms per invocation instrumented, %.3f ms original (%.2fx)",
          instrumentedNanos / 1e6 / measure, originalNanos / 1e6 / measure,
          instrumentedNanos / (double) Math.max(1, originalNanos));
    } catch (Exception e) {
      return "the original threw " + e; // the instrumented run did not: worth knowing
    }
  }

  /** A JMH-style progress line, so a long run shows where it is. */
  private void progress(String phase, int invocations, long nanos) {
    if (out != null && invocations > 0) {
      out.printf(Locale.ROOT, "# lineprof %s: %d invocation%s, %.3f ms%n",
          phase, invocations, invocations == 1 ? "" : "s", nanos / 1e6);
    }
  }

  private void publish(ProfileResult result) {
    if (out != null) {
      out.print(result.text());
      out.flush();
    }
    if (outputDirectory != null) {
      try {
        Reports.write(outputDirectory, result.stats(), List.of(result.run()), textOptions,
            EnumSet.allOf(ReportFormat.class));
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot write the reports to " + outputDirectory, e);
      }
    }
  }

  private static byte[] serialize(Scenario scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scenario);
    } catch (IOException e) {
      throw new IllegalArgumentException("lineprof: the scenario must be serializable to be run with the"
          + " instrumented classes; whatever the lambda captures must be serializable too: " + e, e);
    }
    return bytes.toByteArray();
  }

  /** Rebuilds the scenario from classes of {@code loader}, so it calls the instrumented classes. */
  private static Scenario deserialize(byte[] serialized, ClassLoader loader) {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(serialized), loader)) {
      return (Scenario) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("lineprof: cannot re-create the scenario in the swapping class loader: " + e, e);
    }
  }

  private static int requireAtLeast(int min, int value, String what) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
    }
    return value;
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
