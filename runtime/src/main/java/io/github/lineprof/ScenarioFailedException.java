package io.github.lineprof;

/** The profiled scenario threw; the result holds the table of what ran before it did. */
public final class ScenarioFailedException extends RuntimeException {
  private final transient ProfileResult result;

  ScenarioFailedException(ProfileResult result) {
    super("lineprof: the profiled scenario failed: " + result.failure(), result.failure());
    this.result = result;
  }

  public ProfileResult result() {
    return result;
  }
}
