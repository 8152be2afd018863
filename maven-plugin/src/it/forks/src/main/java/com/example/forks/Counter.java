package com.example.forks;

import io.github.lineprof.LineProfile;

public final class Counter {
  private Counter() {}

  @LineProfile
  public static int count(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i;
    }
    return sum;
  }
}
