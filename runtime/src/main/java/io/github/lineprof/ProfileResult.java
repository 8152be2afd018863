package io.github.lineprof;

import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.report.stats.ProfileStats;

/**
 * What a profile run measured: the line statistics of its measurement invocations.
 *
 * @param profile the statistics and how they were made (mode, sources of each column, overhead)
 * @param options the settings of the run
 * @param value what the last measured invocation returned
 * @param failure what the scenario threw, or null; the stats show what ran until then
 */
public record ProfileResult(
    Profile profile, ProfileOptions options, Object value, Throwable failure) {

  public ProfileStats stats() {
    return profile.stats();
  }

  /** The line_profiler text report, and under it how the numbers were made. */
  public String text() {
    return RunPipeline.text(profile, options);
  }
}
