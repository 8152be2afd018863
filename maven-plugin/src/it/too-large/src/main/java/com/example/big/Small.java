package com.example.big;

import io.github.lineprof.LineProfile;

public final class Small {
  private Small() {}

  @LineProfile
  public static int twice(int a) {
    int b = a + a;
    return b;
  }
}
