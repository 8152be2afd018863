package com.example.app;

import com.example.core.Words;
import io.github.lineprof.LineProfile;

public final class Stats {
  private Stats() {}

  @LineProfile
  public static int total(String... texts) {
    int total = 0;
    for (String text : texts) {
      total += Words.count(text);
    }
    return total;
  }
}
