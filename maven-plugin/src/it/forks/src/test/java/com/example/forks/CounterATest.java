package com.example.forks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CounterATest {
  @Test
  void counts() {
    assertEquals("true", System.getProperty("forks.sample"));
    assertEquals(45, Counter.count(10));
  }
}
