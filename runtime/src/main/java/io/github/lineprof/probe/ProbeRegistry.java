package io.github.lineprof.probe;

import io.github.lineprof.internal.stats.ProfileStats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every function probe of this JVM, in registration order (line tables register when their
 * instrumented class first runs, like line_profiler's functions register when decorated).
 */
public final class ProbeRegistry {
  private static final List<FunctionProbe> PROBES = new CopyOnWriteArrayList<>();

  private ProbeRegistry() {}

  static void add(FunctionProbe probe) {
    PROBES.add(probe);
  }

  static List<FunctionProbe> probes() {
    return PROBES;
  }

  /** In sampled mode, the samples that charged time to a profiled line so far; 0 in exact mode. */
  public static long samples() {
    return Sampler.samples();
  }

  /**
   * The statistics of every registered function so far. A class loaded by two class loaders registers
   * its functions twice; their counts are summed.
   */
  public static ProfileStats snapshot() {
    ProfileStats all = new ProfileStats(List.of());
    for (FunctionProbe probe : PROBES) {
      all = all.plus(new ProfileStats(List.of(probe.snapshot())));
    }
    return all;
  }
}
