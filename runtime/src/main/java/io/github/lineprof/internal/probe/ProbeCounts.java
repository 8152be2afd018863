package io.github.lineprof.internal.probe;

import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.Objects;

/**
 * The probes' counts for lineprof's own launchers and tests. The probe package is exported for the
 * generated code, which only counts; reading the counts back hands out the report library's types,
 * which stay inside the runtime, so that door is here, in a package the module does not export. The
 * probe package installs it when its registry loads (the JDK's "shared secrets" pattern).
 */
public final class ProbeCounts {
  /** What the probe package hands out. */
  public interface Source {
    /** Every registered function so far, one function per name even across class loaders. */
    ProfileStats all();

    /** One probe's function, summed over the threads' counters. */
    FunctionStats of(FunctionProbe probe);
  }

  private static volatile Source source;

  private ProbeCounts() {}

  /** Called once, by the probe package's registry as it loads. */
  public static void install(Source counts) {
    if (source != null) {
      throw new IllegalStateException("lineprof: the probes' counts are installed already");
    }
    source = Objects.requireNonNull(counts);
  }

  /** The statistics of every registered function so far. */
  public static ProfileStats snapshot() {
    return source().all();
  }

  /** The statistics of {@code probe}'s function alone. */
  public static FunctionStats snapshot(FunctionProbe probe) {
    return source().of(probe);
  }

  private static Source source() {
    if (source == null) {
      try { // loading the registry installs the source
        Class.forName(
            "io.github.lineprof.probe.ProbeRegistry", true, FunctionProbe.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("lineprof: the probe package is missing", e);
      }
    }
    return source;
  }
}
