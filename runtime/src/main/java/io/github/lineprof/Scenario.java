package io.github.lineprof;

import java.io.Serializable;

/**
 * The code to profile, e.g. {@code () -> Simulation.simulate(50, 10_000)}. It is serializable so
 * the harness can re-create it inside the class loader that holds the instrumented classes: a
 * lambda keeps calling the classes its own class was linked against, so it must be rebuilt there.
 * Captured values must therefore be serializable too. The result is consumed, so the JIT cannot
 * drop the work.
 */
@FunctionalInterface
public interface Scenario extends Serializable {
  Object run() throws Exception;
}
