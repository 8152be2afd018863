package io.github.lineprof.internal.run;

import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.List;

/**
 * A finished profile: the statistics to report and how each run behind them was made.
 *
 * @param stats every function's lines, ready to print
 * @param runs one description per run (JMH forks are several)
 */
public record Profile(ProfileStats stats, List<RunInfo> runs) {
  public Profile {
    runs = List.copyOf(runs);
  }
}
