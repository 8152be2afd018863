package corpus;

import io.github.lineprof.LineProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Statements: blocks, locals, if chains, loops, labels, returns. Every case*(int, List) runs. */
public class CorpusStatements {
  @LineProfile
  public static Object caseBlocks(int k, List<Object> trace) {
    int a = k;
    {
      int b = a * 2;
      trace.add(b);
      {
        a += b;
      }
    }
    return a;
  }

  @LineProfile
  public static Object caseLocals(int k, List<Object> trace) {
    var list = new ArrayList<String>();
    int[] arr = new int[Math.max(0, k)], other = {1, 2};
    int x = 1, y = x + k, z;
    z = x + y;
    long w = (long) z * 3;
    list.add("w" + w);
    trace.add(Arrays.toString(arr) + Arrays.toString(other));
    final String s = list.get(0);
    return s + z;
  }

  @LineProfile
  public static Object caseSameLine(int k, List<Object> trace) {
    int a = 1; int b = 2; a += b * k; trace.add(a);
    if (a > 3) { a--; } else { a++; } trace.add(a);
    return a + b;
  }

  @LineProfile
  public static Object caseIfChain(int k, List<Object> trace) {
    String r;
    if (k < 0) {
      r = "neg";
    } else if (k == 0) {
      r = "zero";
    } else if (k < 3) {
      r = "small";
      trace.add(r);
    } else {
      r = "big";
    }
    return r;
  }

  @LineProfile
  public static Object caseIfNoBraces(int k, List<Object> trace) {
    int r = 0;
    if (k > 0)
      r = 1;
    else if (k < 0)
      r = -1;
    else
      trace.add("zero");
    if (k > 2) r += 10; else r -= 10;
    if (k == 5)
      if (r > 0)
        return "five";
      else
        return "never";
    return r;
  }

  @LineProfile
  public static Object caseForLoop(int k, List<Object> trace) {
    int sum = 0;
    for (int i = 0; i < k; i++) {
      sum += i;
      trace.add(i);
    }
    return sum;
  }

  @LineProfile
  public static Object caseForOptionalParts(int k, List<Object> trace) {
    int i = 0;
    for (; i < k; ) {
      i += 2;
    }
    for (int j = 0; ; j++) {
      if (j >= 3) break;
      trace.add(j);
    }
    int n = 0;
    for (;;) {
      if (++n > k) {
        break;
      }
    }
    for (int a = 0, b = 10; a < b && a < k; a++, b--) {
      trace.add(a * b);
    }
    return i + n;
  }

  @LineProfile
  public static Object caseEnhancedForArray(int k, List<Object> trace) {
    int[] xs = new int[Math.max(0, k)];
    for (int i = 0; i < xs.length; i++) xs[i] = i * i;
    long total = 0;
    for (int x : xs) {
      total += x;
    }
    for (final int x : xs) trace.add(x);
    return total;
  }

  @LineProfile
  public static Object caseEnhancedForIterable(int k, List<Object> trace) {
    List<String> words = List.of("a", "bb", "ccc", "dddd").subList(0, Math.max(0, Math.min(4, k)));
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      out.append(w.toUpperCase());
    }
    for (var w : words)
      trace.add(w.length());
    return out.toString();
  }

  @LineProfile
  public static Object caseWhile(int k, List<Object> trace) {
    int n = Math.abs(k) + 1;
    int steps = 0;
    while (n != 1) {
      n = n % 2 == 0 ? n / 2 : 3 * n + 1;
      steps++;
    }
    trace.add(steps);
    while (steps > 100) steps--;
    return steps;
  }

  @LineProfile
  public static Object caseDoWhile(int k, List<Object> trace) {
    int digits = 0;
    int n = Math.abs(k);
    do {
      digits++;
      n /= 10;
    } while (n != 0);
    do trace.add(digits); while (false);
    return digits;
  }

  @LineProfile
  public static Object caseEmptyLoops(int k, List<Object> trace) {
    int i = 0;
    while (i++ < k) ;
    for (int j = 0; j < k; j++) {}
    int m = 0;
    do { } while (m++ < 2);
    for (String s : List.<String>of()) { trace.add(s); }
    return i + m;
  }

  @LineProfile
  public static Object caseLabels(int k, List<Object> trace) {
    int found = 0;
    outer:
    for (int i = 0; i < 4; i++) {
      inner: for (int j = 0; j < 4; j++) {
        if (j > i) continue outer;
        if (j == k) continue inner;
        if (i * j > k + 4) break outer;
        found++;
      }
    }
    block: {
      if (found > 3) break block;
      trace.add("small");
    }
    loop: while (true) {
      found++;
      if (found > 20 || found % 5 == 0) break loop;
    }
    return found;
  }

  @LineProfile
  public static Object caseLabeledDo(int k, List<Object> trace) {
    int n = 0;
    again: do {
      n++;
      if (n % 2 == 0) continue again;
      trace.add(n);
    } while (n < k);
    return n;
  }

  @LineProfile
  public static Object caseEarlyReturns(int k, List<Object> trace) {
    if (k < 0) return "negative";
    for (int i = 0; i < 10; i++) {
      if (i == k) {
        return "found " + i;
      }
      trace.add(i);
    }
    while (true) {
      return "none";
    }
  }

  @LineProfile
  public static void caseVoidReturns(int k, List<Object> trace) {
    if (k == 0) return;
    trace.add("a");
    if (k == 1) {
      return;
    }
    trace.add("b");
  }

  @LineProfile
  public static Object caseReturnInTryFinally(int k, List<Object> trace) {
    try {
      if (k > 2) {
        return "try";
      }
      trace.add("body");
    } finally {
      trace.add("finally");
    }
    for (int i = 0; ; i++) {
      try {
        if (i >= k) return i;
      } finally {
        trace.add("f" + i);
      }
    }
  }

  @LineProfile
  public static Object caseNestedLoops(int k, List<Object> trace) {
    int[][] grid = new int[3][Math.max(0, k)];
    int sum = 0;
    for (int i = 0; i < grid.length; i++) {
      for (int j = 0; j < grid[i].length; j++) {
        grid[i][j] = i + j;
        int c = 0;
        while (c < grid[i][j]) {
          c++;
        }
        sum += c;
      }
    }
    trace.add(Arrays.deepToString(grid));
    return sum;
  }

  @LineProfile
  public static Object caseIterator(int k, List<Object> trace) {
    List<Integer> xs = new ArrayList<>();
    for (int i = 0; i < k; i++) xs.add(i);
    Iterator<Integer> it = xs.iterator();
    int c;
    int total = 0;
    while ((c = it.hasNext() ? it.next() : -1) != -1) {
      total += c;
    }
    return total + c;
  }

  @LineProfile
  public static Object caseMultiLine(int k, List<Object> trace) {
    String s = "a"
        + k
        + "b";
    int v = Math.max(
        k,
        3);
    String text = """
        line one
        line two
        """;
    trace.add(text.length());
    if (k > 1
        && v > 2) {
      return s + v;
    }
    return s
        .toUpperCase();
  }

  @LineProfile
  public static Object caseConditionals(int k, List<Object> trace) {
    Object o = k > 0 ? "pos" : k < 0 ? (Object) k : null;
    trace.add(o);
    int i = k > 2 ? 'a' : 1;
    char c = true ? 'b' : 0;
    return "" + i + c + (k % 2 == 0 ? 1 : 2.0);
  }

  @LineProfile
  public static Object caseIntegerEdgeCases(int k, List<Object> trace) {
    int big = Integer.MAX_VALUE - 1 + k;
    trace.add(big);
    long l = big * 2L;
    return l / (k - 1);
  }

  @LineProfile
  public static Object caseVarargsCall(int k, List<Object> trace) {
    trace.add(String.format("%d-%s", k, "x"));
    return sum() + sum(k) + sum(k, k, k);
  }

  private static int sum(int... xs) {
    int s = 0;
    for (int x : xs) s += x;
    return s;
  }

  @LineProfile
  public static Object caseRecursion(int k, List<Object> trace) {
    return fib(Math.min(Math.abs(k), 12), trace);
  }

  @LineProfile
  static int fib(int n, List<Object> trace) {
    if (n < 2) {
      trace.add(n);
      return n;
    }
    return fib(n - 1, trace) + fib(n - 2, trace);
  }

  @LineProfile
  public static Object caseThrowsFromLoop(int k, List<Object> trace) {
    int[] xs = {3, 2, 1, 0};
    int r = 0;
    for (int i = 0; i <= k; i++) {
      trace.add(i);
      r += 12 / xs[i];
    }
    return r;
  }

  @LineProfile
  public static Object caseNullPointer(int k, List<Object> trace) {
    String s = k > 1 ? "x" : null;
    trace.add("before");
    return s.length();
  }
}
