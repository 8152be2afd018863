package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkTest {
  @Test
  void sums() {
    assertEquals(499_500, Work.sum(1000));
  }
}
