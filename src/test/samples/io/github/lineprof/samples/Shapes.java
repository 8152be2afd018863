package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One method per statement shape (those the loops and frames goldens do not cover), each
 * with a golden Hits column, {@code golden/shapes-<method>.hits.txt}, derived by hand from the rules
 * of the README and of {@code ProbePlanner}. The methods marked "port of" are line-by-line ports of
 * line_profiler's reference cases ({@code reference/line_profiler/case_*.py}):
 * ShapesEndToEndTest maps their lines and compares their Hits with line_profiler's own.
 *
 * <p>No blank lines inside the methods: a golden line holds the source text after the Hits column.
 */
public final class Shapes {
  private static final Object LOCK = new Object();
  private static int finallyRuns;

  private Shapes() {}

  /** Port of case_ifelse.py's classify; Java needs one line more, the declaration of r. */
  @LineProfile
  public static String classify(int x) {
    String r;
    if (x < 0) {
      r = "neg";
    } else if (x == 0) {
      r = "zero";
    } else {
      r = "pos";
    }
    return r;
  }

  /** if chains without braces, a then-statement on the line of its condition. */
  @LineProfile
  public static String grade(int score) {
    String g;
    if (score >= 90) {
      g = "A";
    } else if (score >= 80) {
      g = "B";
    } else if (score >= 70) g = "C";
    else if (score >= 60)
      g = "D";
    else {
      g = "F";
    }
    if (score % 2 == 0) return g + "+";
    return g;
  }

  /** A classic switch with fall-through, then an arrow-form switch statement. */
  @LineProfile
  public static int switches(int k) {
    int r = 0;
    switch (k) {
      case 0:
        r += 1;
        // fall through
      case 1:
        r += 10;
        break;
      case 2:
      case 3:
        r += 100;
        // fall through
      case 4: r += 7; break;
      default:
        r += 1000;
    }
    switch (k % 3) {
      case 0 -> r *= 2;
      case 1 -> {
        r *= 3;
      }
      default ->
          r = -r;
    }
    return r;
  }

  /** Labeled continue and break over nested loops, and a break out of a labeled block. */
  @LineProfile
  public static int labeled(int n) {
    int found = 0;
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue outer;
        }
        if (i + j == 5) {
          break outer;
        }
        found++;
      }
    }
    block: {
      if (found > 5) {
        break block;
      }
      found = -found;
    }
    return found;
  }

  /**
   * try / multi-catch / finally: k == 1 throws and is caught, k == 2 fails in a call and is caught,
   * k == 3 throws an exception no catch takes, which leaves the method after the finally block.
   */
  @LineProfile
  public static int tryCatch(int k) {
    int r = 0;
    try {
      r += 1;
      if (k == 1) {
        throw new IllegalStateException("caught here");
      }
      if (k == 2) {
        r += Integer.parseInt("not a number");
      }
      if (k == 3) {
        throw new UnsupportedOperationException("propagates");
      }
      r += 2;
    } catch (IllegalStateException | NumberFormatException e) {
      r += 10;
    } finally {
      r += 100;
    }
    return r;
  }

  /** Port of case_exception.py's raiser (time.sleep becomes Thread.onSpinWait). */
  @LineProfile
  public static int raiser(int n) {
    int a = 1;
    Thread.onSpinWait();
    if (n > 0) {
      throw new IllegalArgumentException(String.valueOf(n));
    }
    int b = 2;
    return a + b;
  }

  /** Port of case_exception.py's catcher. */
  @LineProfile
  public static int catcher() {
    int out = 0;
    for (int n : new int[] {0, 1, 0, 2}) {
      try {
        out += raiser(n);
      } catch (IllegalArgumentException e) {
        out -= 1;
      } finally {
        out += 10;
      }
    }
    return out;
  }

  /** return inside a for loop, inside an enhanced for inside try/finally, and in the try block. */
  @LineProfile
  public static int returns(int[] xs, int target) {
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] == target) {
        return i;
      }
    }
    try {
      for (int x : xs) {
        if (x == -target) {
          return -x;
        }
      }
      return -1;
    } finally {
      finallyRuns++;
    }
  }

  /** synchronized blocks: one in a loop left by continue, one on a single line. */
  @LineProfile
  public static int locked(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      synchronized (LOCK) {
        total += i;
        if (i == 1) {
          continue;
        }
        total *= 2;
      }
    }
    synchronized (LOCK) { total++; }
    return total;
  }

  /** assert: its line is hit whether assertions are enabled or not; a failing one throws with -ea. */
  @LineProfile
  public static int asserts(int x) {
    int y = x * 2;
    assert y % 2 == 0;
    assert x >= 0 : "negative: " + x;
    return y;
  }

  /** Several statements on one line, with loops and if/else on one line. */
  @LineProfile
  public static int oneLine(int n) {
    int a = 1; int b = 2; a += b;
    for (int i = 0; i < n; i++) { a++; b++; }
    if (n > 0) { a = -a; } else { b = -b; }
    int s = 0; for (int i = 0; i < 3; i++) s += i;
    int c = a; c += b; return c + s;
  }

  /** Port of case_multiline.py's multiline (a list comprehension becomes a stream). */
  @LineProfile
  public static Object[] multiline() {
    int x = f(1,
        2,
        3);
    Map<String, Object> d = Map.of(
        "a", 1,
        "b", nap(2)
    );
    int s = 1 +
        2;
    String t = ("abc"
        + "def");
    int[] y = IntStream.range(0, 3)
        .map(i -> i * 2).toArray();
    return new Object[] {x, d, s, t, y};
  }

  /** Statements over several lines: chained calls, a text block, an array, a for header, a condition. */
  @LineProfile
  public static String multilineJava(List<String> words) {
    String joined = words.stream()
        .map(String::toUpperCase)
        .collect(Collectors.joining(","));
    String html = """
        <p>
          %s
        </p>
        """.formatted(joined);
    int[] lengths = {
        joined.length(),
        html.length(),
    };
    int sum = 0;
    for (int i = 0;
        i < lengths.length;
        i++) {
      sum += lengths[i];
    }
    if (sum > 10
        && joined.startsWith("A")) {
      sum = -sum;
    }
    return html
        + sum;
  }

  /** Empty loop bodies, and for loops without a condition left by break. */
  @LineProfile
  public static int emptyLoops(int[] xs) {
    int i = 0;
    while (i++ < 5);
    for (int k = 0; k < 3; k++) {}
    for (int x : xs) {
    }
    int m = 0;
    do {} while (++m < 3);
    int t = 0;
    for (;;) {
      if (++t == 4) {
        break;
      }
    }
    for (;;) if (++t > 6) break;
    return i + m + t;
  }

  /** Port of case_forloop.py's loops; for ... else has no Java form (see the test). */
  @LineProfile
  public static int forloop() {
    int total = 0;
    for (int i = 0; i < 5; i++) {
      total += i;
      Thread.onSpinWait();
    }
    int j = 0;
    while (j < 3) {
      j += 1;
    }
    for (int k = 0; k < 10; k++) {
      if (k == 2) {
        break;
      }
    }
    for (int m = 0; m < 2; m++) {
      for (int n = 0; n < 3; n++) {
        total += m * n;
      }
    }
    for (int e : new int[0]) {
      total += 1;
    }
    total -= 1;
    return total;
  }

  /** Port of case_recursion.py's fact. */
  @LineProfile
  public static long fact(int n) {
    Thread.onSpinWait();
    if (n <= 1) {
      return 1;
    }
    long r = n * fact(n - 1);
    return r;
  }

  /** How many finally blocks of {@link #returns} ran. */
  public static int finallyRuns() {
    return finallyRuns;
  }

  /** Whether this class runs with assertions enabled (-ea). */
  public static boolean assertionsEnabled() {
    boolean enabled = false;
    assert enabled = true;
    return enabled;
  }

  private static int f(int a, int b, int c) {
    return a + b + c;
  }

  private static String nap(int millis) {
    Thread.onSpinWait();
    return "nap " + millis;
  }
}
