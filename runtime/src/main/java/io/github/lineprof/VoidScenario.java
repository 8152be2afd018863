package io.github.lineprof;

import java.io.Serializable;

/**
 * Code to profile that returns nothing, e.g. {@code () -> { simulation.step(); }}: what {@link
 * Scenario} is for code that returns a value, and serializable for the same reason.
 */
@FunctionalInterface
public interface VoidScenario extends Serializable {
  void run() throws Exception;
}
