package io.github.lineprof.internal.run;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SpeedControlTest {
  @Test
  void itsRoundsTakeTheirShareOfWhatTheScenarioTook() {
    SpeedControl control = SpeedControl.warmedUp();
    assertThat(control.nanosPerRound()).isEqualTo(0);
    long start = System.nanoTime();
    control.keepUpWith(400_000_000L); // the scenario's invocations so far took 0.4 s
    long took = System.nanoTime() - start;
    // 5 % of 0.4 s: at least 20 ms, and not much beyond (one round is a few microseconds)
    assertThat(took).isAtLeast(20_000_000L);
    assertThat(took).isLessThan(200_000_000L);
    long perRound = control.nanosPerRound();
    assertThat(perRound).isGreaterThan(0L);
    // caught up: no more rounds until the scenario has taken more time
    long before = System.nanoTime();
    control.keepUpWith(400_000_000L);
    assertThat(System.nanoTime() - before).isLessThan(5_000_000L);
    assertThat(control.nanosPerRound()).isEqualTo(perRound);
  }

  @Test
  void whereItCannotInterleaveItRunsForTheTimeGiven() {
    SpeedControl control = SpeedControl.warmedUp();
    long start = System.nanoTime();
    control.runFor(30_000_000L);
    assertThat(System.nanoTime() - start).isAtLeast(30_000_000L);
    assertThat(control.nanosPerRound()).isGreaterThan(0L);
  }
}
