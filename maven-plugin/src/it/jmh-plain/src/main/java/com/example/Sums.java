package com.example;

import io.github.lineprof.LineProfile;

public final class Sums {
  private Sums() {}

  @LineProfile
  public static long sumOfSquares(int[] values) {
    long sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += (long) values[i] * values[i];
    }
    return sum;
  }
}
