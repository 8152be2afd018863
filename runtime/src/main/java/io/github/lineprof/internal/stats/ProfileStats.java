package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/** The line statistics of a run: every profiled function, in the order it was registered. */
public final class ProfileStats implements Serializable {
  private final List<FunctionStats> functions;

  public ProfileStats(List<FunctionStats> functions) {
    this.functions = List.copyOf(functions);
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
    List<FunctionStats> result = new ArrayList<>(functions.size());
    List<FunctionStats> unmatched = new ArrayList<>(other.functions);
    for (FunctionStats mine : functions) {
      FunctionStats match = null;
      for (FunctionStats theirs : unmatched) {
        if (theirs.info().sameFunction(mine.info())) {
          match = theirs;
          break;
        }
      }
      if (match == null) {
        result.add(mine);
      } else {
        unmatched.remove(match);
        result.add(op.apply(mine, match));
      }
    }
    if (keepOthers) {
      result.addAll(unmatched);
    }
    return new ProfileStats(result);
  }
}
