package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void total() {
    assertEquals(5, Stats.total("one", "two words", "and two"));
  }
}
