package io.github.lineprof.harness;

import io.github.lineprof.report.TextOptions;
import io.github.lineprof.report.TextReport;
import io.github.lineprof.stats.ProfileStats;

/**
 * What a profile run measured: the line statistics of its measurement iterations.
 *
 * @param value what the last measured invocation returned
 * @param failure what the scenario threw, or null; the stats show what ran until then
 */
public record ProfileResult(ProfileStats stats, TextOptions textOptions, Object value, Throwable failure) {

  /** The line_profiler text report. */
  public String text() {
    return TextReport.format(stats, textOptions);
  }
}
