package corpus;

import io.github.lineprof.LineProfile;
import java.util.List;
import java.util.function.IntSupplier;

/** Switch statements and expressions in every form Java 17 allows. */
public class CorpusSwitches {
  enum Color { RED, GREEN, BLUE }

  private static Color color(int k) {
    return Color.values()[Math.floorMod(k, 3)];
  }

  @SuppressWarnings("fallthrough")
  @LineProfile
  public static Object caseFallThrough(int k, List<Object> trace) {
    int r = 0;
    switch (k) {
      case 0:
        r += 1;
      case 1:
        r += 10;
        break;
      case 2:
      case 3:
        trace.add("two-three");
        r += 100;
        // fall through
      default:
        r += 1000;
    }
    return r;
  }

  @LineProfile
  public static Object caseArrowStatement(int k, List<Object> trace) {
    StringBuilder out = new StringBuilder();
    switch (color(k)) {
      case RED -> out.append("red");
      case GREEN ->
          out.append("green");
      case BLUE -> {
        out.append("blue");
        trace.add("blue");
      }
    }
    switch (k) {
      case 1, 2 -> trace.add("one or two");
      case 5 -> throw new IllegalArgumentException("five");
      default -> { }
    }
    return out.toString();
  }

  @LineProfile
  public static Object caseStringSwitch(int k, List<Object> trace) {
    String s = String.valueOf(k);
    switch (s) {
      case "0":
        return "zero";
      case "1":
        trace.add(s);
        break;
      default:
        trace.add("other");
    }
    return s.hashCode();
  }

  @SuppressWarnings("fallthrough")
  @LineProfile
  public static Object caseSwitchOnOneLine(int k, List<Object> trace) {
    int r = 0;
    switch (k) { case 1: r++; break; case 2: r += 2; default: r--; }
    switch (k) { case 3 -> r *= 3; default -> r -= 1; }
    trace.add(r);
    return r;
  }

  @LineProfile
  public static Object caseSwitchExpressionArrows(int k, List<Object> trace) {
    int n = switch (color(k)) {
      case RED -> 1;
      case GREEN -> {
        trace.add("green");
        yield 2;
      }
      case BLUE -> throw new IllegalStateException("blue " + k);
    };
    return n;
  }

  @LineProfile
  public static Object caseSwitchExpressionColons(int k, List<Object> trace) {
    String s = switch (k) {
      case 0:
      case 1:
        yield "small";
      case 2: {
        String t = "two";
        trace.add(t);
        yield t;
      }
      default:
        if (k < 0) {
          yield "negative";
        }
        trace.add("default");
        yield "big";
    };
    return s;
  }

  @LineProfile
  public static Object caseSwitchExpressionNested(int k, List<Object> trace) {
    return switch (k % 3) {
      case 0 -> switch (k) {
        case 0 -> "zero";
        default -> {
          trace.add("multiple of 3");
          yield "three-ish";
        }
      };
      case 1 ->
          "one"
              + k;
      default -> {
        int r = switch (k) { case 2 -> 20; default -> { trace.add(k); yield -1; } };
        yield "r=" + r;
      }
    };
  }

  @LineProfile
  public static Object caseSwitchExpressionChar(int k, List<Object> trace) {
    char c = switch (k) {
      case 1 ->
          'a';
      default ->
          98;
    };
    var d = switch (k) {
      case 2 ->
          'x';
      default ->
          121;
    };
    var e = switch (k) { case 3 -> 1; default -> 2L; };
    trace.add(c);
    return "" + c + d + e;
  }

  @LineProfile
  public static Object caseSwitchExpressionInCondition(int k, List<Object> trace) {
    boolean assigned;
    if (switch (k) {
      case 1 -> {
        assigned = true;
        yield true;
      }
      default -> {
        assigned = false;
        yield k > 3;
      }
    }) {
      trace.add(assigned);
    }
    int i = 0;
    while (switch (i) {
      case 0, 1, 2 ->
          i < k;
      default -> false;
    }) {
      i++;
    }
    return i;
  }

  @LineProfile
  public static Object caseSwitchExpressionDefiniteAssignment(int k, List<Object> trace) {
    int x;
    int y = switch (k) {
      case 0 -> {
        x = 1;
        yield 10;
      }
      case 1 -> {
        x = 2;
        yield 20;
      }
      default -> throw new IllegalArgumentException("k=" + k);
    };
    return x + y;
  }

  @LineProfile
  public static Object caseSwitchExpressionLambdas(int k, List<Object> trace) {
    IntSupplier s = switch (k) {
      case 0 -> {
        yield () -> 7;
      }
      case 1 ->
          () -> {
            trace.add("lambda");
            return 8;
          };
      default ->
          () -> k;
    };
    return s.getAsInt();
  }

  @LineProfile
  public static Object caseSwitchExpressionComments(int k, List<Object> trace) {
    return switch (k) {
      case 1 ->
          k + 1 /* one */ ;
      case 2 ->
          k + 2 // two
          ;
      default -> k;
    };
  }

  @LineProfile
  public static Object caseSwitchExpressionStatementPosition(int k, List<Object> trace) {
    int total = 0;
    for (int i = 0; i < 4; i++) {
      total += switch (i) {
        case 0 -> 1;
        case 1 -> {
          if (k > 1) {
            yield 100;
          }
          yield 10;
        }
        default ->
            i;
      };
    }
    trace.add(total);
    return total;
  }

  @LineProfile
  public static Object caseSwitchExpressionYieldInLoop(int k, List<Object> trace) {
    return switch (k) {
      case 3 -> {
        int s = 0;
        for (int i = 0; i < 5; i++) {
          if (i == 4) break;
          s += i;
        }
        while (s > 100) s--;
        yield s;
      }
      default -> {
        try {
          yield Integer.parseInt("x" + k);
        } catch (NumberFormatException e) {
          trace.add(e.getMessage());
          yield -1;
        } finally {
          trace.add("finally");
        }
      }
    };
  }

  @SuppressWarnings("fallthrough")
  @LineProfile
  public static Object caseSwitchReturns(int k, List<Object> trace) {
    switch (k) {
      case 1:
        return 10;
      case 2:
        trace.add("two");
        // fall through
      default:
        throw new IllegalStateException("k=" + k);
    }
  }

  @LineProfile
  public static Object caseEnumSwitchWithDefault(int k, List<Object> trace) {
    Color c = color(k);
    String s;
    switch (c) {
      case RED:
        s = "r";
        break;
      default:
        s = c.name().toLowerCase();
    }
    trace.add(s);
    return s;
  }
}
