package com.example.big;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BigTest {
  @Test
  void theOriginalRunsWhereTheCopyCouldNotBeCompiled() {
    int expected = 1;
    for (int i = 1; i <= 4000; i++) {
      expected = expected * 31 + i;
    }
    assertEquals(expected, Big.big(1));
    assertEquals(42, Small.twice(21));
  }
}
