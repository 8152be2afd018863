package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;

/** Lines whose costs are known without a profiler: sleeps, robust on a noisy machine. */
public final class Waits {
  private Waits() {}

  @LineProfile
  public static int sleeps() throws InterruptedException {
    int slept = 0;
    for (int i = 0; i < 2; i++) {
      Thread.sleep(20);
      slept += 20;
      Thread.sleep(5);
      slept += 5;
    }
    return slept;
  }
}
