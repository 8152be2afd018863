package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;
import java.util.List;

/**
 * A block lambda, a recursive method and an anonymous class's method, built like a user's code:
 * the lambda's and the class's lines are nested under the line that calls them.
 */
public final class Nested {
  private Nested() {}

  @LineProfile
  public static long forEachLambda(List<Integer> xs) {
    long[] total = {0};
    xs.forEach(x -> {
      total[0] += fib(x);
    });
    return total[0];
  }

  @LineProfile
  public static long fib(int n) {
    if (n < 2) {
      return n;
    }
    return fib(n - 1) + fib(n - 2);
  }

  @LineProfile
  public static String anonymous(int n) {
    Object digits = new Object() {
      @Override
      public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
          s.append(i % 10);
        }
        return s.toString();
      }
    };
    return digits.toString();
  }
}
