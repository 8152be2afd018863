package com.example.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FibTest {
  @Test
  void fib() {
    assertEquals(55, Fib.fib(10));
    assertEquals(6765, Fib.fib(20));
  }
}
