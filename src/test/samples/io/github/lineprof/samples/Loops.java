package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;

/** Loops with known trip counts; the comments give the hits line_profiler 4.1+ would show. */
public final class Loops {
  private int calls;

  @LineProfile
  public static int loops(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += i;
    }
    int j = 0;
    while (j < 3) {
      j++;
    }
    for (int k = 0; k < 10; k++) {
      if (k == 2) {
        break;
      }
      total += k;
    }
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        total++;
      }
    }
    int[] values = {1, 2, 3, 4};
    for (int v : values) {
      if (v % 2 == 0) {
        continue;
      }
      total += v;
    }
    int m = 0;
    do {
      m++;
    } while (m < 3);
    return total + twice(m);
  }

  /** An instance method calling a private helper: the copy keeps private access. */
  @LineProfile
  public int countDown(int from) {
    calls++;
    int steps = 0;
    while (true) {
      if (from-- <= 0) {
        break;
      }
      steps = twice(steps) / 2 + 1;
    }
    return steps;
  }

  private static int twice(int x) {
    return 2 * x;
  }
}
