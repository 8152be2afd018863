package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsIT {
  @Test
  void total() {
    assertEquals(2, Stats.total("two words"));
  }
}
