package io.github.lineprof.probe;

import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every function probe of this JVM, in registration order (line tables register when their
 * instrumented class first runs, like line_profiler's functions register when decorated).
 */
public final class ProbeRegistry {
  private static final List<CounterProbe> PROBES = new CopyOnWriteArrayList<>();

  static {
    ProbeCounts.install(
        new ProbeCounts.Source() {
          @Override
          public ProfileStats all() {
            return snapshot();
          }

          @Override
          public FunctionStats of(FunctionProbe probe) {
            return ((CounterProbe) probe).snapshot();
          }
        });
  }

  private ProbeRegistry() {}

  static void add(CounterProbe probe) {
    PROBES.add(probe);
  }

  static List<CounterProbe> probes() {
    return PROBES;
  }

  /**
   * Called by the swap (agent or class loader) for each class it gives its instrumented copy: a
   * thread whose stack holds none of these classes' frames holds no counters it outgrew.
   */
  public static void swapped(String binaryName) {
    ThreadCounters.swapped(binaryName);
  }

  /** In sampled mode, the samples that charged time to a profiled line so far; 0 in exact mode. */
  public static long samples() {
    return Sampler.samples();
  }

  /** The heap lineprof's counters hold now, e.g. {@code "3 counter arrays, 0.1 MB"}. */
  public static String heap() {
    long[] footprint = ThreadCounters.footprint();
    return String.format(
        Locale.ROOT,
        "%d counter array%s, %.1f MB",
        footprint[0],
        footprint[0] == 1 ? "" : "s",
        footprint[1] / 1e6);
  }

  /**
   * The statistics of every registered function so far, from one pass over the threads' counters
   * (each thread's array copied whole, so its functions agree with each other to within that copy;
   * threads still running may each be a few events ahead of the threads read before them). A class
   * loaded by two class loaders registers its functions twice; their counts are summed.
   */
  static ProfileStats snapshot() {
    long[] sum = ThreadCounters.sum();
    Map<Key, FunctionStats> functions = new LinkedHashMap<>();
    for (CounterProbe probe : PROBES) {
      functions.merge(Key.of(probe.info()), probe.stats(sum), FunctionStats::plus);
    }
    return new ProfileStats(new ArrayList<>(functions.values()));
  }

  /** What makes two registrations the same function: {@link FunctionInfo#sameFunction}'s fields. */
  private record Key(String file, String name, int firstLine) {
    static Key of(FunctionInfo info) {
      return new Key(info.file(), info.name(), info.firstLine());
    }
  }
}
