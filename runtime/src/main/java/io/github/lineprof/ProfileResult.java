package io.github.lineprof;

import io.github.lineprof.internal.run.FunctionProfiles;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import java.util.List;

/** What a profile run measured: the line statistics of its measurement invocations. */
public final class ProfileResult {
  private final Profile profile;
  private final ProfileOptions options;
  private final Object value;
  private final Throwable failure;

  ProfileResult(Profile profile, ProfileOptions options, Object value, Throwable failure) {
    this.profile = profile;
    this.options = options;
    this.value = value;
    this.failure = failure;
  }

  /** The settings of the run. */
  public ProfileOptions options() {
    return options;
  }

  /** What the last measured invocation returned. */
  public Object value() {
    return value;
  }

  /** What the scenario threw, or null; the functions show what ran until then. */
  public Throwable failure() {
    return failure;
  }

  /** Every profiled function that ran, as its table shows it. */
  public List<FunctionProfile> functions() {
    return FunctionProfiles.of(profile.stats());
  }

  /**
   * Where the Time column's numbers came from, one description per recording, e.g. {@code "JFR
   * events of the original, 10234 samples ..."}.
   */
  public List<String> timeSources() {
    return profile.runs().stream().map(run -> run.sources().time()).toList();
  }

  /** The line_profiler text report, and under it how the numbers were made. */
  public String text() {
    return RunPipeline.text(profile, options);
  }
}
