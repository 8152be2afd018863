package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Constructors, lambdas, anonymous and local classes and switch expressions, built like a user's
 * code; the golden files give the hits line_profiler's rules make.
 */
public final class Frames {
  private final List<String> log;
  private final int size;

  @LineProfile
  public Frames(int size) {
    this(new ArrayList<>(), size);
    log.add("size " + size);
  }

  @LineProfile
  private Frames(List<String> log, int size) {
    super();
    this.log = log;
    this.size = size;
  }

  @LineProfile
  public int lambdas() {
    int[] total = {0};
    List<Integer> xs = List.of(1, 2, 3, 4);
    xs.forEach(x -> {
      if (x % 2 == 0) {
        total[0] += x;
      }
    });
    IntUnaryOperator square = x -> x * x;
    Runnable once = () -> { total[0]++; };
    once.run();
    Object named = new Object() {
      @Override
      public String toString() {
        return "named";
      }
    };
    class Local {
      int twice(int x) {
        return 2 * x;
      }
    }
    Local local = new Local();
    for (int i = 0; i < size; i++) {
      total[0] += local.twice(i);
    }
    return total[0] + square.applyAsInt(2) + named.toString().length();
  }

  @LineProfile
  public static String switches(int k) {
    String s = switch (k % 3) {
      case 0 -> "zero";
      case 1 ->
          "one";
      default -> {
        String t = "two";
        yield t + k;
      }
    };
    return s;
  }

  /** Called by 8 threads at once. */
  @LineProfile
  public static long work(long acc, int i) {
    long r = acc + i;
    return r;
  }
}
