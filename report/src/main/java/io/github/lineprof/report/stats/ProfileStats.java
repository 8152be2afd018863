package io.github.lineprof.report.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The line statistics of a run: every profiled function, in the order it was registered. Functions
 * are matched by {@link FunctionInfo#key()} through a hash map, so merges take time linear in the
 * number of functions (a test suite may profile tens of thousands).
 */
public final class ProfileStats implements Serializable {
  private final List<FunctionStats> functions;

  public ProfileStats(List<FunctionStats> functions) {
    this.functions = List.copyOf(functions);
  }

  /**
   * One entry per function, in order of first appearance, summing the statistics of a function that
   * appears more than once (e.g. registered by two class loaders).
   */
  public static ProfileStats sum(Collection<FunctionStats> functions) {
    Map<FunctionInfo.Key, FunctionStats> byKey = new LinkedHashMap<>();
    for (FunctionStats f : functions) {
      byKey.merge(f.info().key(), f, FunctionStats::plus);
    }
    return new ProfileStats(new ArrayList<>(byKey.values()));
  }

  public List<FunctionStats> functions() {
    return functions;
  }

  /** Sums two runs: functions of both, matched by file, name and first line. */
  public ProfileStats plus(ProfileStats other) {
    return combine(other, FunctionStats::plus, true);
  }

  /** What ran after {@code earlier} was taken, e.g. a measurement without its warm-up. */
  public ProfileStats minus(ProfileStats earlier) {
    return combine(earlier, FunctionStats::minus, false);
  }

  /**
   * These statistics less the probes' own cost: {@code nanosPerEvent} for each hit of each line,
   * never below zero.
   */
  public ProfileStats calibrated(double nanosPerEvent) {
    return new ProfileStats(functions.stream().map(f -> f.calibrated(nanosPerEvent)).toList());
  }

  private ProfileStats combine(
      ProfileStats other, BinaryOperator<FunctionStats> op, boolean keepOthers) {
    Map<FunctionInfo.Key, FunctionStats> unmatched = new LinkedHashMap<>();
    for (FunctionStats theirs : other.functions) {
      unmatched.merge(theirs.info().key(), theirs, FunctionStats::plus);
    }
    List<FunctionStats> result =
        new ArrayList<>(functions.size() + (keepOthers ? unmatched.size() : 0));
    for (FunctionStats mine : functions) {
      FunctionStats match = unmatched.remove(mine.info().key());
      result.add(match == null ? mine : op.apply(mine, match));
    }
    if (keepOthers) {
      result.addAll(unmatched.values());
    }
    return new ProfileStats(result);
  }
}
