package corpus;

import io.github.lineprof.LineProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** More small methods, each a mix of the shapes of the other corpus files. */
public class CorpusMore {
  static final class Counter {
    private int n;

    @LineProfile
    void inc() {
      n++;
    }

    @LineProfile
    synchronized void syncAdd(int k) {
      for (int i = 0; i < k; i++) {
        n += i;
      }
    }

    int value() {
      return n;
    }
  }

  @LineProfile
  static <T> T first(List<? extends T> xs) {
    return xs.isEmpty() ? null : xs.get(0);
  }

  @LineProfile
  static int count(Object... xs) {
    return xs == null ? -1 : xs.length;
  }

  @LineProfile
  static int divide(int a, int b) {
    return a / b;
  }

  @LineProfile
  static int noop(int k) {
    return k;
  }

  @LineProfile
  static int ackermann(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
  }

  @LineProfile
  public static Object caseBitOps(int k, List<Object> trace) {
    int x = k;
    x ^= x << 3;
    x |= 1;
    trace.add(Integer.toBinaryString(x));
    return x >>> 2 & 0xff;
  }
  @LineProfile
  public static Object caseStringBuilderLoop(int k, List<Object> trace) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < k; i++) {
      if (i % 2 == 0) continue;
      sb.append(i).append(',');
    }
    return sb.length() > 0 ? sb.substring(0, sb.length() - 1) : "";
  }
  @LineProfile
  public static Object caseArrayCopy(int k, List<Object> trace) {
    int[] a = new int[Math.max(0, k)];
    Arrays.setAll(a, i -> i * 3);
    int[] b = Arrays.copyOf(a, a.length + 1);
    trace.add(Arrays.toString(b));
    return b[k];
  }
  @LineProfile
  public static Object caseTwoDimensional(int k, List<Object> trace) {
    int n = Math.floorMod(k, 4) + 1;
    int[][] m = new int[n][n];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++)
        m[i][j] = i == j ? 1 : 0;
    return Arrays.deepToString(m);
  }
  @LineProfile
  public static Object caseWhileWithBreakContinue(int k, List<Object> trace) {
    int i = 0, s = 0;
    while (i < 20) {
      i++;
      if (i % 3 == 0) continue;
      if (s > k * 5) break;
      s += i;
    }
    return s;
  }
  @LineProfile
  public static Object caseDoWhileBreak(int k, List<Object> trace) {
    int n = 0;
    do {
      n++;
      if (n == k) break;
    } while (n < 10);
    return n;
  }
  @LineProfile
  public static Object caseNestedTernaries(int k, List<Object> trace) {
    return k < 0 ? "neg" : k == 0 ? "zero" : k < 3 ? "small" : k < 6 ? "medium" : "large";
  }
  @LineProfile
  public static Object caseStringSwitchExpression(int k, List<Object> trace) {
    String day = List.of("mon", "tue", "sat", "sun").get(Math.floorMod(k, 4));
    int n = switch (day) {
      case "sat", "sun" -> {
        trace.add("weekend");
        yield 0;
      }
      default -> day.length();
    };
    return n;
  }
  @LineProfile
  public static Object caseInstanceofChain(int k, List<Object> trace) {
    Object o = switch (Math.floorMod(k, 4)) {
      case 0 -> 1;
      case 1 -> "s";
      case 2 -> 2.5;
      default -> List.of(k);
    };
    if (o instanceof Integer i) {
      return i + 1;
    } else if (o instanceof String s && !s.isEmpty()) {
      return s + s;
    } else if (o instanceof Double d) {
      return d * 2;
    }
    return o;
  }
  @LineProfile
  public static Object caseGenericHelper(int k, List<Object> trace) {
    List<? extends Number> xs = List.of(k, 2.5, 3L);
    double sum = 0;
    for (Number x : xs) {
      sum += x.doubleValue();
    }
    trace.add(first(xs));
    return sum;
  }
  @LineProfile
  public static Object caseVarargsNull(int k, List<Object> trace) {
    trace.add(count());
    trace.add(count((Object[]) null));
    return count(k, null, "x");
  }
  @LineProfile
  public static Object caseExceptionFromHelper(int k, List<Object> trace) {
    try {
      return divide(10, k);
    } catch (ArithmeticException e) {
      trace.add(e.getMessage());
      throw new IllegalStateException("divide by " + k, e);
    }
  }
  @LineProfile
  public static Object caseFinallyOrder(int k, List<Object> trace) {
    try {
      trace.add("try");
      if (k == 1) throw new IllegalArgumentException("one");
      return "ok";
    } catch (IllegalArgumentException e) {
      trace.add("catch");
      return "caught";
    } finally {
      trace.add("finally");
    }
  }
  @LineProfile
  public static Object caseLoopReturnsInSwitch(int k, List<Object> trace) {
    for (int i = 0; i < 10; i++) {
      switch (i - k) {
        case 0:
          return "hit " + i;
        case 3:
          trace.add("three before");
          break;
        default:
          continue;
      }
      trace.add("after switch " + i);
    }
    return "none";
  }
  @LineProfile
  public static Object caseLabeledContinueInWhile(int k, List<Object> trace) {
    int i = 0, found = 0;
    outer:
    while (i < 5) {
      i++;
      for (int j = 0; j < i; j++) {
        if ((i + j) % 3 == k % 3) continue outer;
        found++;
      }
    }
    return found;
  }
  @LineProfile
  public static Object caseCharLoop(int k, List<Object> trace) {
    String s = "hello world " + k;
    int vowels = 0;
    for (char c : s.toCharArray()) {
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u' -> vowels++;
        default -> { }
      }
    }
    return vowels;
  }
  @LineProfile
  public static Object caseAutoboxing(int k, List<Object> trace) {
    Integer a = k;
    Integer b = 127;
    Long l = (long) k;
    trace.add(a.equals(k));
    return (a == b) + " " + l.hashCode();
  }
  @LineProfile
  public static Object caseLongMath(int k, List<Object> trace) {
    long f = 1;
    for (int i = 2; i <= Math.abs(k) + 10; i++) {
      f *= i;
    }
    return Math.floorMod(f, 1_000_007L);
  }
  @LineProfile
  public static Object caseOverflow(int k, List<Object> trace) {
    return Math.addExact(Integer.MAX_VALUE - 5, k);
  }
  @LineProfile
  public static Object caseCollectionsLoop(int k, List<Object> trace) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String w : "a b a c b a".split(" ")) {
      counts.merge(w, 1, Integer::sum);
    }
    counts.put("k", k);
    Iterator<Map.Entry<String, Integer>> it = counts.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue() < 2) it.remove();
    }
    return counts;
  }
  @LineProfile
  public static Object caseObjectsEquals(int k, List<Object> trace) {
    String a = k > 0 ? "x" + k : null;
    trace.add(Objects.hashCode(a));
    return Objects.equals(a, "x1") ? "one" : Objects.toString(a, "null!");
  }
  @LineProfile
  public static Object caseStaticNestedUse(int k, List<Object> trace) {
    Counter c = new Counter();
    for (int i = 0; i < k; i++) c.inc();
    return c.value();
  }
  @LineProfile
  public static Object caseIndexOutOfBounds(int k, List<Object> trace) {
    List<Integer> xs = List.of(1, 2, 3);
    trace.add("before");
    return xs.get(k);
  }
  @LineProfile
  public static Object caseClassCast(int k, List<Object> trace) {
    Object o = k > 2 ? "string" : (Object) k;
    Integer i = (Integer) o;
    return i + 1;
  }
  @LineProfile
  public static Object caseEmptyMethodBody(int k, List<Object> trace) {
    return noop(k);
  }
  @LineProfile
  public static Object caseOneLineIfElse(int k, List<Object> trace) {
    if (k > 0) return "pos"; else if (k < 0) return "neg"; else return "zero";
  }
  @LineProfile
  public static Object caseSynchronizedMethodCall(int k, List<Object> trace) {
    Counter c = new Counter();
    c.syncAdd(k);
    return c.value();
  }
  @LineProfile
  public static Object caseLocalVarTypeInference(int k, List<Object> trace) {
    var map = new HashMap<String, List<Integer>>();
    for (var i = 0; i < k; i++) {
      map.computeIfAbsent(i % 2 == 0 ? "even" : "odd", key -> new ArrayList<>()).add(i);
    }
    return new TreeMap<>(map);
  }
  @LineProfile
  public static Object caseArrayStoreException(int k, List<Object> trace) {
    Object[] xs = new String[2];
    xs[0] = "ok";
    if (k > 1) {
      xs[1] = k;
    }
    return Arrays.toString(xs);
  }
  @LineProfile
  public static Object caseNegativeArraySize(int k, List<Object> trace) {
    int[] xs = new int[k];
    return xs.length;
  }
  @LineProfile
  public static Object caseStringFormatting(int k, List<Object> trace) {
    return String.format("%05d|%-4s|%x", k, "ab", k & 0xff);
  }
  @LineProfile
  public static Object caseRecursion(int k, List<Object> trace) {
    return ackermann(Math.min(Math.abs(k), 2), 2);
  }
  @LineProfile
  public static Object caseLoopOverStringLines(int k, List<Object> trace) {
    String text = """
        one
        two
        three
        """;
    int n = 0;
    for (String line : text.lines().toList()) {
      if (line.length() > k) n++;
    }
    return n;
  }
  @LineProfile
  public static Object caseMixedAssignments(int k, List<Object> trace) {
    int a, b, c;
    a = b = c = k;
    a += b -= c *= 2;
    trace.add(a);
    return a + b + c;
  }
  @LineProfile
  public static Object caseIncrementsInExpressions(int k, List<Object> trace) {
    int i = k;
    int j = i++ + ++i;
    int[] arr = {0, 0, 0};
    arr[Math.floorMod(j, 3)]++;
    return j + Arrays.toString(arr);
  }
  @LineProfile
  public static Object caseShortCircuit(int k, List<Object> trace) {
    boolean r = k > 0 && trace.add("and") || k < -1 && trace.add("or");
    return r;
  }
}
