package corpus;

import io.github.lineprof.LineProfile;
import java.util.List;
import java.util.function.IntPredicate;

/** Flow analysis that the probes must keep: constant conditions, patterns, definite assignment. */
public class CorpusTricky {
  static final boolean DONE = false;
  static final int LIMIT = 3;

  interface Flags {
    boolean ON = true;
  }

  @LineProfile
  public static Object caseWhileTrueNoReturnAfter(int k, List<Object> trace) {
    int i = 0;
    while (true) {
      i++;
      if (i > k) {
        return i;
      }
    }
  }

  @LineProfile
  public static Object caseConstantField(int k, List<Object> trace) {
    int n = 0;
    while (!DONE) {
      if (++n > LIMIT + k) {
        return n;
      }
    }
  }

  @LineProfile
  public static Object caseConstantInterfaceField(int k, List<Object> trace) {
    int n = 0;
    while (Flags.ON) {
      if (++n > k) return n;
    }
  }

  @LineProfile
  public static Object caseFinalLocalConstant(int k, List<Object> trace) {
    final boolean forever = true;
    int n = 0;
    do {
      n++;
      if (n > k) return n;
    } while (forever);
  }

  @LineProfile
  public static Object caseForTrue(int k, List<Object> trace) {
    for (int i = 0; true; i++) {
      if (i >= k) {
        return i;
      }
    }
  }

  @LineProfile
  public static Object casePatternInWhile(int k, List<Object> trace) {
    Object[] items = {1, 2.0, k, "s" + k};
    int i = 0;
    Object o = items[i];
    while (!(o instanceof String s)) {
      o = items[++i];
    }
    return s + i;
  }

  @LineProfile
  public static Object casePatternInIf(int k, List<Object> trace) {
    Object o = k > 2 ? (Object) ("str" + k) : (Object) k;
    if (!(o instanceof String s)) {
      return -1;
    }
    return s.length();
  }

  @LineProfile
  public static Object casePatternAfterBracelessIf(int k, List<Object> trace) {
    Object o = k % 2 == 0 ? (Object) k : "odd";
    if (!(o instanceof Integer n))
      return "not an int";
    return n + 1;
  }

  @LineProfile
  public static Object casePatternInDoWhile(int k, List<Object> trace) {
    Object o = "x".repeat(Math.max(1, k));
    int steps = 0;
    do {
      steps++;
      o = o.toString().substring(1);
    } while (o instanceof String s && !s.isEmpty());
    return steps;
  }

  @LineProfile
  public static Object caseDefiniteAssignmentBraces(int k, List<Object> trace) {
    int x;
    if (k > 0)
      x = 1;
    else
      x = 2;
    final int y;
    if (k > 1) {
      y = 10;
    } else {
      y = 20;
    }
    return x + y;
  }

  @LineProfile
  public static Object caseBlankFinalInLoop(int k, List<Object> trace) {
    final int first;
    int i = 0;
    while (i < k) {
      first = i + 100;
      return first;
    }
    first = 2;
    return first;
  }

  @LineProfile
  public static Object caseAssignedInCondition(int k, List<Object> trace) {
    int c;
    int count = 0;
    int[] xs = {3, 2, 1, -1};
    int i = 0;
    while ((c = xs[i++]) != -1 && count < k) {
      count += c;
    }
    return c + count;
  }

  @LineProfile
  public static Object caseAssignedInDoWhileCondition(int k, List<Object> trace) {
    int c;
    int n = k;
    do {
      trace.add(n);
    } while ((c = n--) > 0);
    return c;
  }

  @LineProfile
  public static Object caseLocalShadowsConstant(int k, List<Object> trace) {
    final boolean b = Flags.ON;
    boolean ON = k > 0;
    int n = 0;
    while (b) {
      if (++n > 3 && ON || n > 5) {
        return n;
      }
    }
  }

  @LineProfile
  public static Object caseConstantInSwitchGroup(int k, List<Object> trace) {
    switch (k) {
      default:
        final boolean running = true;
        while (running) {
          if (++k > 10) {
            return k;
          }
        }
    }
  }

  @LineProfile
  public static Object caseLambdaParameterCondition(int k, List<Object> trace) {
    IntPredicate p = ON -> {
      int n = 0;
      while (ON > n) {
        n++;
      }
      return n > 2;
    };
    return p.test(k);
  }

  @LineProfile
  public static Object caseWhileTrueInLambda(int k, List<Object> trace) {
    IntPredicate p = x -> {
      while (true) {
        if (x > 0) return true;
        return false;
      }
    };
    return p.test(k);
  }

  @LineProfile
  public static Object caseConstantInAnonymousClass(int k, List<Object> trace) {
    IntPredicate p = new IntPredicate() {
      static final boolean FOREVER = true;

      @Override
      public boolean test(int x) {
        int n = 0;
        while (FOREVER) {
          if (++n > x) return n % 2 == 0;
        }
      }
    };
    return p.test(k);
  }

  @LineProfile
  public static Object caseTextBlock(int k, List<Object> trace) {
    String t = """
        {
          "k": %d
        }
        """.formatted(k);
    trace.add(t.lines().count());
    return t.strip();
  }

  @LineProfile
  public static Object caseCharArithmetic(int k, List<Object> trace) {
    char c = 'a';
    // Still narrows (char + char is an int); a char operand keeps javac 21+'s lossy-conversions lint quiet.
    c += (char) k;
    c++;
    short s = (short) (c * 1000);
    byte b = (byte) s;
    return "" + c + s + b;
  }

  @LineProfile
  public static Object caseStringSwitchHashCollision(int k, List<Object> trace) {
    String s = k % 2 == 0 ? "Aa" : "BB";
    switch (s) {
      case "Aa":
        return "Aa";
      case "BB":
        return "BB";
      default:
        return "none";
    }
  }

  @LineProfile
  public static Object caseUnicodeAndComments(int k, List<Object> trace) {
    String π = "pi"; // a comment with } and { braces
    /* a block comment with
       a ; semicolon */
    String s = π + k + "\u00e9\u20ac";
    trace.add(s); /* trailing */ trace.add(s.length());
    return s;
  }

  @LineProfile
  public static Object caseInstanceofPatternInForCondition(int k, List<Object> trace) {
    Object[] items = {1, 2, "end", k};
    int i = 0;
    for (Object o = items[0]; !(o instanceof String s); o = items[++i]) {
      trace.add(o);
    }
    return i;
  }
}
