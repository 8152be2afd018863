package io.github.lineprof;

/** The profiled scenario threw; the result holds the table of what ran before it did. */
public final class ScenarioFailedException extends RuntimeException {
  private final transient ProfileResult result;

  /**
   * @param hint why it may have failed where it did, or null
   */
  ScenarioFailedException(ProfileResult result, String hint) {
    super(
        "lineprof: the profiled scenario failed: "
            + result.failure()
            + (hint == null ? "" : "; " + hint),
        result.failure());
    this.result = result;
  }

  public ProfileResult result() {
    return result;
  }
}
