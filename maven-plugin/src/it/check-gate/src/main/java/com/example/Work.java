package com.example;

import io.github.lineprof.LineProfile;

public class Work {
  @LineProfile
  public static long sum(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += i;
    }
    return s;
  }
}
