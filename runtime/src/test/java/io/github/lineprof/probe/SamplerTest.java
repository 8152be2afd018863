package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The sampler ends when interrupted, as {@code mvn exec:java} interrupts a program's threads. */
class SamplerTest {
  @Test
  void theSamplerEndsWhenInterrupted() throws InterruptedException {
    Sampler.start();
    Thread sampler =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("lineprof-sampler"))
            .findFirst()
            .orElseThrow();
    assertThat(sampler.isDaemon()).isTrue();

    sampler.interrupt();
    sampler.join(5_000);

    assertThat(sampler.isAlive()).isFalse();
  }
}
