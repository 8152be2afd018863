package com.example.jpms;

import io.github.lineprof.LineProfile;

public final class Fib {
  private Fib() {}

  @LineProfile
  public static long fib(int n) {
    long a = 0;
    long b = 1;
    for (int i = 0; i < n; i++) {
      long next = a + b;
      a = b;
      b = next;
    }
    return a;
  }
}
