package com.example;

import io.github.lineprof.LineProfile;

public final class Waits {
  private Waits() {}

  @LineProfile
  public static long spinThenSleep(int n) throws InterruptedException {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Long.numberOfTrailingZeros(i * 0x9E3779B97F4A7C15L + sum);
    }
    Thread.sleep(40);
    return sum;
  }
}
