package io.github.lineprof.processor;

import io.github.lineprof.processor.Instrumented.Source;
import java.util.List;

/** Source files with {@code @LineProfile} methods, one per group of constructs. */
final class TestSources {
  private TestSources() {}

  static final Source LOOPS = new Source("demo.Loops", """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.List;

      public class Loops {
        @LineProfile
        static int forLoop(int n) {
          int sum = 0;
          for (int i = 0; i < n; i++) {
            sum += i;
          }
          return sum;
        }

        @LineProfile
        static int whileLoop(int n) {
          int steps = 0;
          while (n > 1) {
            n = n % 2 == 0 ? n / 2 : 3 * n + 1;
            steps++;
          }
          return steps;
        }

        @LineProfile
        static int nested(int[][] grid) {
          int sum = 0;
          for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
              int k = 0;
              while (k < grid[i][j]) {
                k++;
              }
              sum += k;
            }
          }
          return sum;
        }

        @LineProfile
        static int labeled(int[][] grid) {
          int found = 0;
          outer:
          for (int i = 0; i < grid.length; i++) {
            inner: for (int j = 0; j < grid[i].length; j++) {
              if (grid[i][j] < 0) {
                continue outer;
              }
              if (grid[i][j] == 0) continue inner;
              if (grid[i][j] > 100) {
                break outer;
              }
              found++;
            }
          }
          block: {
            if (found > 3) {
              break block;
            }
            found = -found;
          }
          return found;
        }

        @LineProfile
        static int whileTrue(int n) {
          int i = 0;
          while (true) {
            if (i * i >= n) {
              break;
            }
            i++;
          }
          return i;
        }

        @LineProfile
        static int doWhile(int n) {
          int digits = 0;
          do {
            digits++;
            n /= 10;
          } while (n != 0);
          again: do {
            digits--;
            if (digits > 5) continue again;
          } while (digits > 3);
          return digits;
        }

        @LineProfile
        static int forEver(int n) {
          for (;;) {
            if (--n < 0) {
              return n;
            }
          }
        }

        @LineProfile
        static long enhancedFor(int[] xs, List<String> words) {
          long total = 0;
          for (int x : xs) {
            total += x;
          }
          for (String w : words) {
            total += w.length();
          }
          for (int x : xs) total -= x;
          rows:
          for (int[] row : new int[][] {xs}) {
            for (int x : row) {
              if (x < 0) continue rows;
            }
          }
          for (int[] row : new int[][] {xs, xs})
            for (int x : row)
              total += x;
          return total;
        }
      }
      """);

  static final Source BRANCHES = new Source("demo.Branches", """
      package demo;

      import io.github.lineprof.LineProfile;

      public class Branches {
        @LineProfile
        static String grade(int score) {
          if (score >= 90) {
            return "A";
          } else if (score >= 80) {
            return "B";
          } else if (score >= 70) {
            return "C";
          } else {
            return "F";
          }
        }

        @LineProfile
        static int singleStatementBodies(int n) {
          int r;
          if (n < 0)
            r = -n;
          else
            r = n;
          if (r > 10) r = 10; else r++;
          while (r > 5)
            r--;
          for (int i = 0; i < 3; i++)
            r += i;
          for (char c : "ab".toCharArray())
            r += c;
          do
            r--;
          while (r > 200);
          if (r == 0)
            if (n == 0)
              return 1;
            else
              return 2;
          else if (r == 1)
            throw new IllegalStateException();
          return r;
        }

        @LineProfile
        static int sameLine(boolean a, boolean b) {
          int x = a ? 1 : 2;
          if (!a && b) { x++; } else if (a || !b) { x--; }
          if (x > 0) { return x; } return -x;
        }
      }
      """);

  static final Source SWITCHES = new Source("demo.Switches", """
      package demo;

      import io.github.lineprof.LineProfile;

      public class Switches {
        enum Color { RED, GREEN, BLUE }

        @LineProfile
        static int colon(int k) {
          int r = 0;
          switch (k) {
            case 0:
              r = 10;
              break;
            case 1:
            case 2:
              r = 20;
              r++;
              break;
            default:
              r = -1;
          }
          switch (k) { case 5: r++; break; default: r--; }
          return r;
        }

        @LineProfile
        static String arrow(Color c, String s) {
          StringBuilder out = new StringBuilder();
          switch (c) {
            case RED -> out.append("red");
            case GREEN ->
                out.append("green");
            case BLUE -> {
              out.append("blue");
              out.append('!');
            }
          }
          switch (s) {
            case "x", "y" -> out.append(1) ;
            case "z" ->
                throw new IllegalArgumentException(s);
            case "w" -> throw new IllegalStateException(s);
            default -> { }
          }
          int len = switch (out.length()) {
            case 0 -> 0;
            default -> {
              int half = out.length() / 2;
              yield half;
            }
          };
          return out.toString() + len;
        }

        @LineProfile
        static int switchReturns(int k) {
          switch (k) {
            case 1:
              return 10;
            default:
              throw new IllegalStateException("k=" + k);
          }
        }
      }
      """);

  static final Source EXCEPTIONS = new Source("demo.Exceptions", """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.io.IOException;
      import java.io.StringReader;

      public class Exceptions {
        private final Object lock = new Object();
        private int count;

        @LineProfile
        static int parse(String s) {
          int result;
          try {
            result = Integer.parseInt(s);
          } catch (NumberFormatException e) {
            result = -1;
          } finally {
            s = null;
          }
          return result;
        }

        @LineProfile
        static int readFirst(String text) throws IOException {
          try (StringReader reader = new StringReader(text)) {
            return reader.read();
          } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IOException(e);
          }
        }

        @LineProfile
        int increment() {
          synchronized (lock) {
            count++;
            return count;
          }
        }

        @LineProfile
        static void check(int x) {
          assert x >= 0 : "negative";
          if (x > 100) throw new IllegalArgumentException("too big");
          try { x++; } finally { x--; }
          try {
            if (x == 7) {
              throw new IOException("seven");
            }
          }
          catch (IOException e)
          {
            throw new IllegalStateException(e);
          }
        }
      }
      """);

  static final Source LAYOUT = new Source("demo.Layout", """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.List;
      import java.util.stream.Collectors;

      public class Layout {
        @LineProfile static int oneLine(int x) { return x + 1; }

        /** Javadoc is not part of the method. */
        @SuppressWarnings("unused")
        @LineProfile
        static String multiLine(List<String> words,
                                int limit)
        {
          String joined = words.stream()
              .filter(w -> w.length() <= limit)
              .map(String::toUpperCase)
              .collect(Collectors.joining(","));
          int a = 1; int b = 2; a += b;
          int c = a,
              d = b;
          a += c + d;
          // a comment line
          /* a block
             comment */
          String text = \"""
              first
              second
              \""";
          if (joined.isEmpty()
              && a > 2)
          {
            return text;
          }
          for (int i = 0;
               i < limit;
               i++)
          {
            a++;
          }

      \treturn joined + a + b;  // tab-indented
        }

        @LineProfile
        static void empty() {}

        @LineProfile
        static void voidReturn(int[] box) {
          if (box.length == 0) return;
          box[0]++;
          return;
        }

        @LineProfile
        static Runnable lambdasAndClasses(int[] box) {
          Runnable r = () -> {
            box[0]++;
            box[0]++;
          };
          Object o = new Object() {
            @Override
            public String toString() {
              return "anon";
            }
          };
          class Local {
            int twice() { return box[0] * 2; }
          }
          record Pair(int a, int b) {}
          box[0] += new Local().twice() + o.toString().length() + new Pair(1, 2).a();
          return r;
        }
      }
      """);

  static final Source NESTING = new Source("demo.Nesting", """
      package demo;

      import io.github.lineprof.LineProfile;

      public class Nesting {
        private int base = 3;

        @LineProfile
        int top(int x) {
          return new Inner().twice(x) + Nested.square(x);
        }

        static class Nested {
          @LineProfile
          static int square(int x) {
            int r = x * x;
            return r;
          }

          static class Deeper {
            @LineProfile
            String name() {
              return "deeper";
            }
          }
        }

        class Inner {
          @LineProfile
          int twice(int x) {
            int r = 2 * x;
            return r + base;
          }
        }

        interface Shape {
          @LineProfile
          default double area() {
            double s = side();
            return s * s;
          }

          double side();

          @LineProfile
          static Shape unit() {
            return () -> one();
          }

          @LineProfile
          private static double one() {
            return 1.0;
          }
        }

        enum Op {
          ADD, SUB;

          @LineProfile
          int apply(int a, int b) {
            if (this == ADD) {
              return a + b;
            }
            return a - b;
          }
        }

        record Point(int x, int y) {
          @LineProfile
          int manhattan() {
            return Math.abs(x) + Math.abs(y);
          }
        }
      }

      class SecondTopLevel {
        @LineProfile
        static int helper(int x) {
          return x - 1;
        }
      }
      """);

  static final Source DEFAULT_PACKAGE = new Source("NoPackage", """
      import io.github.lineprof.LineProfile;

      public class NoPackage {
        @LineProfile
        static int f(int x) {
          int y = x;
          while (y > 10) {
            y -= 10;
          }
          return y;
        }
      }
      """);

  /**
   * Methods whose copy compiles only if the probes keep javac's flow analysis as it was. (No
   * {@code while (DEBUG)} with a false constant: javac rejects its body as unreachable.)
   */
  static final Source TRICKY = new Source("demo.Tricky", """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.Iterator;
      import java.util.List;

      public class Tricky {
        static final boolean DONE = false;
        static final int LIMIT = 3;
        interface Flags { boolean ON = true; }
        static class Sub implements Flags {
          @LineProfile
          int inheritedConstant() {
            int n = 0;
            while (ON) {
              if (++n > LIMIT) return n;
            }
          }
        }

        private final Iterator<Integer> input;
        private int calls;

        Tricky(Iterator<Integer> input) {
          this.input = input;
        }

        @LineProfile
        int whileTrueNoReturn() {
          int i = 0;
          while (true) {
            i++;
            if (i > LIMIT) {
              return i;
            }
          }
        }

        @LineProfile
        int forEverNoReturn() {
          for (int i = 0; ; i++) {
            if (next() < 0) {
              return i;
            }
          }
        }

        @LineProfile
        int forTrueNoReturn() {
          for (int i = 0; true; i++) {
            if (next() < 0) {
              return i;
            }
          }
        }

        @LineProfile
        int constantFieldCondition() {
          int n = 0;
          while (!DONE) {
            if (++n > LIMIT) {
              return n;
            }
          }
        }

        @LineProfile
        int constantExpressionCondition() {
          int n = 0;
          while (LIMIT > 2 && (DONE ? false : true)) {
            if (++n > LIMIT) return n;
          }
        }

        @LineProfile
        int qualifiedConstantCondition() {
          int n = 0;
          while (Tricky.Flags.ON) {
            if (++n > LIMIT) return n;
          }
        }

        @LineProfile
        int finalLocalCondition() {
          final boolean forever = true;
          int n = 0;
          while (forever) {
            if (++n > LIMIT) return n;
          }
        }

        @LineProfile
        int finalVarDoWhile() {
          final var yes = 1 < 2;
          int n = 0;
          do {
            n++;
            if (n > LIMIT) return n;
          } while (yes);
        }

        @LineProfile
        int assignedInCondition() {
          int c;
          int count = 0;
          while ((c = next()) != -1) {
            count++;
          }
          return c + count;
        }

        @LineProfile
        int assignedInDoWhileCondition() {
          int c;
          do {
            calls++;
          } while ((c = next()) > 0);
          return c;
        }

        @LineProfile
        int assignedInForCondition() {
          int c;
          for (int i = 0; (c = next()) >= 0 && i < 10; i++) {
            calls++;
          }
          return c;
        }

        @LineProfile
        int blankFinalInLoop() {
          final int first;
          while (next() >= 0) {
            first = 1;
            return first;
          }
          first = 2;
          return first;
        }

        @LineProfile
        int definitelyAssignedThroughBraces(int k) {
          int x;
          if (k > 0)
            x = 1;
          else
            x = 2;
          return x;
        }

        @LineProfile
        static int patternInCondition(Object[] items) {
          int i = 0;
          Object o = items[i];
          while (!(o instanceof String s)) {
            o = items[++i];
          }
          return s.length();
        }

        @LineProfile
        static int patternInForCondition(Object[] items) {
          int i = 0;
          for (Object o = items[0]; !(o instanceof Integer n); o = items[++i]) {
            i += 0;
          }
          return n + i;
        }

        @LineProfile
        static int patternInIf(Object o) {
          if (!(o instanceof Integer n)) {
            return -1;
          }
          return n + 1;
        }

        @LineProfile
        static int patternAfterBracelessIf(Object o) {
          if (!(o instanceof Integer n))
            return -1;
          return n + 1;
        }

        @LineProfile
        static <T extends Comparable<? super T>> T max(List<? extends T> xs) {
          T best = null;
          for (T x : xs) {
            if (best == null || x.compareTo(best) > 0) {
              best = x;
            }
          }
          return best;
        }

        @SafeVarargs
        @LineProfile
        static <T> int countNonNull(T... xs) {
          int n = 0;
          for (T x : xs) if (x != null) n++;
          return n;
        }

        @LineProfile
        static int varargs(String prefix, int... xs) {
          return prefix.length() + sum(xs);
        }

        private static int sum(int[] xs) {
          int s = 0;
          for (int x : xs) {
            s += x;
          }
          return s;
        }

        private int next() {
          return input.hasNext() ? input.next() : -1;
        }
      }
      """);

  /** Java 11: no switch expressions, so every loop header is counted in its body. */
  static final Source JAVA11 = new Source("demo.Java11", """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.Iterator;

      public class Java11 {
        @LineProfile
        static int loops(Iterator<Integer> it, int n) {
          int c;
          int sum = 0;
          while ((c = it.hasNext() ? it.next() : -1) != -1) {
            sum += c;
          }
          for (int i = 0; i < n; i++)
            sum += i;
          do {
            sum--;
          } while (sum > 100);
          while (true) {
            if (sum-- < 0) {
              break;
            }
          }
          switch (n) {
            case 1:
              return sum;
            default:
              return sum + c;
          }
        }
      }
      """);

  /** Line terminators other than '\n' ("\r\n", and a lone '\r' in places) must survive. */
  static final Source CRLF = new Source("demo.Crlf", String.join("\r\n",
      "package demo;",
      "",
      "import io.github.lineprof.LineProfile;",
      "",
      "public class Crlf {",
      "  @LineProfile",
      "  static int f(int n) {",
      "    int s = 0;\r    int t = 1;",
      "    for (int i = 0; i < n; i++) {",
      "      s += i;\r      t *= 2;",
      "    }",
      "    return s + t;",
      "  }",
      "}",
      ""));

  /** Every source above that compiles at the default source level. */
  static List<Source> all() {
    return List.of(LOOPS, BRANCHES, SWITCHES, EXCEPTIONS, LAYOUT, NESTING, DEFAULT_PACKAGE, TRICKY, CRLF);
  }

  /** The number of {@code @LineProfile} annotations in a source. */
  static int profiledMethods(Source source) {
    return Instrumented.count("@LineProfile", source.text());
  }
}
