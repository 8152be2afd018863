package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfile;

/**
 * The workload of {@link GateTrials}: four lines of spinning, the second carrying 20 % of the
 * function's time. A trial makes that line slower without changing its hits ({@code slowRounds}),
 * or the loop run more often ({@code loopTrips}: more hits).
 */
public final class GateWorkload {
  static final int ROUNDS = 2_000;
  static final int LOOP_TRIPS = 20;
  static final int LOOP_ROUNDS = 100;

  private GateWorkload() {}

  @LineProfile
  public static long run(int slowRounds, int loopTrips) {
    long x = 17;
    x = Workloads.spin(x, ROUNDS);
    x = Workloads.spin(x, slowRounds);
    x = Workloads.spin(x, 2 * ROUNDS);
    for (int i = 0; i < loopTrips; i++) {
      x = Workloads.spin(x, LOOP_ROUNDS);
    }
    return x;
  }
}
