package io.github.lineprof;

import io.github.lineprof.internal.report.RunNotes;
import io.github.lineprof.internal.report.TextOptions;
import io.github.lineprof.internal.report.TextReport;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.util.List;

/**
 * What a profile run measured: the line statistics of its measurement invocations.
 *
 * @param stats the statistics, calibrated unless calibration is off
 * @param run how the run was made (mode, calibration, overhead)
 * @param value what the last measured invocation returned
 * @param failure what the scenario threw, or null; the stats show what ran until then
 */
public record ProfileResult(
    ProfileStats stats, RunInfo run, TextOptions textOptions, Object value, Throwable failure) {

  /** The line_profiler text report, and under it how the numbers were made. */
  public String text() {
    return TextReport.format(stats, textOptions) + RunNotes.text(List.of(run));
  }
}
