package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaitsTest {
  @Test
  void spinsAndSleeps() throws InterruptedException {
    for (int i = 0; i < 10; i++) {
      assertTrue(Waits.spinThenSleep(2_000_000) >= 0);
    }
  }
}
