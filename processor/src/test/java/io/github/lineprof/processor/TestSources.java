package io.github.lineprof.processor;

import io.github.lineprof.processor.Instrumented.Source;
import java.util.List;
import java.util.Map;

/** Source files with {@code @LineProfile} methods, one per group of constructs. */
final class TestSources {
  private TestSources() {}

  static final Source LOOPS =
      new Source(
          "demo.Loops",
          """
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

  static final Source BRANCHES =
      new Source(
          "demo.Branches",
          """
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

  static final Source SWITCHES =
      new Source(
          "demo.Switches",
          """
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

  static final Source EXCEPTIONS =
      new Source(
          "demo.Exceptions",
          """
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

  static final Source LAYOUT =
      new Source(
          "demo.Layout",
          """
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

  static final Source NESTING =
      new Source(
          "demo.Nesting",
          """
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

  static final Source DEFAULT_PACKAGE =
      new Source(
          "NoPackage",
          """
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
   * Methods whose copy compiles only if the probes keep javac's flow analysis as it was. (No {@code
   * while (DEBUG)} with a false constant: javac rejects its body as unreachable.)
   */
  static final Source TRICKY =
      new Source(
          "demo.Tricky",
          """
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
  static final Source JAVA11 =
      new Source(
          "demo.Java11",
          """
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

        @LineProfile
        static int frames(java.util.List<String> words) throws Exception {
          java.util.function.ToIntFunction<String> length = w -> {
            int n = w.length();
            while (n > 10) {
              n--;
            }
            return n;
          };
          Object o = new Object() {
            @Override
            public String toString() {
              return "anon";
            }
          };
          try (java.io.StringReader a = new java.io.StringReader(o.toString());
               java.io.StringReader b = new java.io.StringReader("b")) {
            return words.stream().mapToInt(length).sum() + a.read() + b.read();
          }
        }
      }
      """);

  /** Line terminators other than '\n' ("\r\n", and a lone '\r' in places) must survive. */
  static final Source CRLF =
      new Source(
          "demo.Crlf",
          String.join(
              "\r\n",
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

  /** Constructors: explicit this(...) and super(...) calls stay first. */
  static final Source CONSTRUCTORS =
      new Source(
          "demo.Constructors",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.IntSupplier;

      public class Constructors {
        private final int value;
        private final List<String> log;

        @LineProfile
        public Constructors(int value) {
          this(value, new ArrayList<>());
          log.add("one-arg");
        }

        @LineProfile
        Constructors(int value, List<String> log) {
          super();
          this.log = log;
          if (value < 0) {
            throw new IllegalArgumentException("negative " + value);
          }
          this.value = value;
        }

        @LineProfile
        Constructors(IntSupplier supplier) {
          this(supplier.getAsInt(), new ArrayList<>()); log.add("same line");
        }

        @LineProfile
        Constructors(String s) {
          this(() -> {
            int n = s.length();
            return n * 2;
          });
        }

        @LineProfile Constructors() { this(7); }

        static class Base {
          final int id;

          Base(int id) {
            this.id = id;
          }
        }

        static class Derived extends Base {
          @LineProfile
          Derived(int id) {
            super(switch (id) {
              case 0 -> 10;
              default -> {
                int twice = id * 2;
                yield twice;
              }
            });
          }
        }

        class Inner extends Base {
          @LineProfile
          Inner() {
            super(value);
          }
        }

        class InnerChild extends Inner {
          @LineProfile
          InnerChild(Constructors outer) {
            outer.super();
            log.add("child");
          }
        }

        record Range(int low, int high) {
          @LineProfile
          Range {
            if (low > high) {
              throw new IllegalArgumentException(low + " > " + high);
            }
          }

          @LineProfile
          Range(int single) {
            this(single, single);
          }
        }

        record Pair(String a, String b) {
          @LineProfile
          Pair(String a, String b) {
            this.a = a.strip();
            this.b = b == null ? "" : b;
          }
        }

        enum Size {
          SMALL(1), LARGE(10), DEFAULT;

          final int n;

          @LineProfile
          Size(int n) {
            this.n = n;
          }

          @LineProfile
          Size() {
            this(5);
          }
        }

        int value() {
          return value + log.size();
        }
      }
      """);

  /** Lambdas, anonymous and local classes inside profiled methods: frames of their own. */
  static final Source LAMBDAS =
      new Source(
          "demo.Lambdas",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.io.Serializable;
      import java.util.ArrayList;
      import java.util.Comparator;
      import java.util.List;
      import java.util.concurrent.Callable;
      import java.util.function.Function;
      import java.util.function.IntUnaryOperator;
      import java.util.function.Supplier;

      public class Lambdas {
        private int field = 3;

        @LineProfile
        static int blockLambdas(List<Integer> xs) {
          int base = xs.size();
          int[] sum = {0};
          xs.forEach(x -> {
            if (x > base) {
              sum[0] += x;
            } else {
              sum[0] -= 1;
            }
          });
          IntUnaryOperator twice = x -> x * 2;
          Function<Integer, Integer> nested = x -> {
            IntUnaryOperator inner = y -> {
              int z = y + base;
              return z;
            };
            return inner.applyAsInt(x);
          };
          Runnable oneLine = () -> { sum[0]++; sum[0]++; };
          oneLine.run();
          Runnable empty = () -> {};
          empty.run();
          return sum[0] + twice.applyAsInt(base) + nested.apply(1);
        }

        @LineProfile
        static int lambdasWithLoops(List<String> words) {
          Function<String, Integer> count = w -> {
            int n = 0;
            for (int i = 0; i < w.length(); i++) {
              if (w.charAt(i) == 'a') n++;
            }
            while (n > 100) {
              n--;
            }
            do {
              n++;
            } while (n < 0);
            return n;
          };
          Supplier<Integer> forever = () -> {
            int i = 0;
            while (true) {
              if (++i > 3) {
                return i;
              }
            }
          };
          Callable<Integer> throwing = () -> {
            throw new IllegalStateException("never called");
          };
          int total = forever.get();
          for (String w : words) {
            total += count.apply(w);
          }
          return throwing == null ? -1 : total;
        }

        @LineProfile
        int anonymousAndLocal(List<String> words) {
          Comparator<String> byLength = new Comparator<>() {
            private final int bias = field;

            @Override
            public int compare(String a, String b) {
              int d = a.length() - b.length();
              return d != 0 ? d : a.compareTo(b) + bias * 0;
            }
          };
          List<String> sorted = new ArrayList<>(words);
          sorted.sort(byLength);
          class Counter {
            int n;

            Counter(int start) {
              n = start;
            }

            int add(String s) {
              n += s.length();
              return n;
            }
          }
          Counter c = new Counter(field);
          for (String s : sorted) {
            c.add(s);
          }
          record Total(int n) {
            Total {
              if (n < 0) {
                throw new IllegalArgumentException();
              }
            }

            int doubled() {
              return 2 * n;
            }
          }
          enum Mode {
            PLAIN, FANCY {
              @Override
              int apply(int x) {
                return x + 1;
              }
            };

            int apply(int x) {
              return x;
            }
          }
          interface Shape {
            int sides();

            default int twice() {
              return sides() * 2;
            }

            static int three() {
              return 3;
            }
          }
          Shape triangle = () -> Shape.three();
          List<Integer> init = new ArrayList<>() {
            {
              add(1);
              add(2);
            }
          };
          Object one = new Object() { @Override public String toString() { return "one"; } };
          return new Total(c.n).doubled() + Mode.FANCY.apply(1) + triangle.twice() + init.size()
              + one.toString().length();
        }

        @LineProfile
        static Callable<String> serializable(String s) {
          Callable<String> c = (Callable<String> & Serializable) () -> {
            String t = s + "!";
            return t;
          };
          return c;
        }

        @LineProfile
        static <T extends Comparable<T>> Supplier<T> generic(List<T> xs) {
          return () -> {
            T best = null;
            for (T x : xs) {
              if (best == null || x.compareTo(best) > 0) {
                best = x;
              }
            }
            return best;
          };
        }

        @LineProfile
        static int lambdaInLoopCondition(List<Integer> xs) {
          int i = 0;
          while (xs.stream().anyMatch(x -> {
            return x > 100;
          }) && i < 3) {
            i++;
          }
          return i;
        }

        @LineProfile
        static Runnable switchInLambda(int k, List<String> out) {
          return () -> {
            String s = switch (k) {
              case 1 -> "one";
              case 2 -> {
                out.add("two");
                yield "two";
              }
              default ->
                  "many";
            };
            out.add(s);
          };
        }

        @LineProfile
        static int expressionLambdaHoldingASwitch(int k) {
          IntUnaryOperator f = x -> switch (x) {
            case 1 -> {
              int y = x + k;
              yield y;
            }
            default -> 0;
          };
          return f.applyAsInt(1);
        }
      }
      """);

  /** Switch expressions and yield, in every form Java 17 allows. */
  static final Source SWITCH_EXPRESSIONS =
      new Source(
          "demo.SwitchExpressions",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.function.IntBinaryOperator;

      public class SwitchExpressions {
        enum Day { MON, TUE, SAT, SUN }

        @LineProfile
        static int arrows(Day d) {
          int n = switch (d) {
            case MON, TUE -> 1;
            case SAT -> {
              int w = 6;
              yield w;
            }
            case SUN -> throw new IllegalStateException("sunday");
          };
          return n;
        }

        @LineProfile
        static String colons(int k) {
          String s = switch (k) {
            case 0:
            case 1:
              yield "small";
            case 2: {
              String t = "two";
              yield t;
            }
            default:
              if (k < 0) {
                yield "negative";
              }
              yield "big";
          };
          return s;
        }

        @LineProfile
        static int nested(int a, int b) {
          return switch (a) {
            case 0 -> switch (b) {
              case 0 -> 0;
              default -> {
                int r = b * 2;
                yield r;
              }
            };
            default -> a
                + b;
          };
        }

        @LineProfile
        static char constants(int k) {
          char c = switch (k) {
            case 1 ->
                'a';
            default ->
                98;
          };
          var d = switch (k) {
            case 1 ->
                'x';
            default ->
                121;
          };
          return k > 5 ? c : d;
        }

        @LineProfile
        static boolean inConditions(int k) {
          boolean assigned;
          if (switch (k) {
            case 1 -> {
              assigned = true;
              yield true;
            }
            default -> {
              assigned = false;
              yield false;
            }
          }) {
            return assigned;
          }
          int i = 0;
          while (switch (i) { case 0, 1 -> true; default -> false; }) {
            i++;
          }
          return i > k;
        }

        @LineProfile
        static IntBinaryOperator lambdas(int k) {
          return switch (k) {
            case 0 -> {
              yield (a, b) -> a + b;
            }
            case 1 ->
                (a, b) -> {
                  int m = a * b;
                  return m;
                };
            default ->
                (a, b) -> a - b;
          };
        }

        @LineProfile
        static int comments(int k) {
          return switch (k) {
            case 1 ->
                k + 1 /* one */ ;
            case 2 ->
                k + 2 // two
                ;
            default -> k;
          };
        }
      }
      """);

  /** try-with-resources: a resource on a line of its own is counted as it is opened. */
  static final Source RESOURCES =
      new Source(
          "demo.Resources",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.io.IOException;
      import java.io.StringReader;
      import java.io.StringWriter;

      public class Resources {
        @LineProfile
        static String copy(String text) throws IOException {
          StringReader shared = new StringReader(text);
          try (StringReader in = new StringReader(text);
               StringWriter out = new StringWriter();
               shared;
               var more = new StringWriter()) {
            int c;
            while ((c = in.read()) != -1) {
              out.write(c);
            }
            more.write(out.toString());
            return more.toString();
          }
        }

        @LineProfile
        static int oneLine(String text) throws IOException {
          try (StringReader in = new StringReader(text)) { return in.read(); }
        }
      }
      """);

  /**
   * {@code @LineProfile} on classes: every method and constructor with a body, nested classes too.
   */
  static final Source CLASS_LEVEL =
      new Source(
          "demo.ClassLevel",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.Comparator;

      @LineProfile
      public class ClassLevel {
        static final Comparator<String> BY_LENGTH = new Comparator<>() {
          @Override
          public int compare(String a, String b) {
            return Integer.compare(a.length(), b.length());
          }
        };

        private int n;

        ClassLevel(int n) {
          this.n = n;
        }

        int twice() {
          return 2 * n;
        }

        abstract static class Shape {
          abstract double area();

          double doubled() {
            return 2 * area();
          }
        }

        interface Named {
          String name();

          default String greeting() {
            return "hello " + name();
          }
        }

        enum Op {
          ADD {
            @Override
            int apply(int a, int b) {
              return a + b;
            }
          };

          abstract int apply(int a, int b);
        }
      }

      class Plain {
        int notProfiled() {
          return 1;
        }

        @LineProfile
        static class Nested {
          static int profiled() {
            return 2;
          }
        }

        void holder() {
          Runnable r = new Runnable() {
            @LineProfile
            @Override
            public void run() {
              System.out.println("run");
            }
          };
          @LineProfile
          class Local {
            int f() {
              return 3;
            }
          }
          r.run();
          new Local().f();
        }

        enum Kind {
          A {
            @LineProfile
            @Override
            int f() {
              return 1;
            }
          },
          B;

          int f() {
            return 0;
          }
        }
      }
      """);

  /** The functions each source profiles, where it is not one per {@code @LineProfile}. */
  static final Map<Source, List<String>> FUNCTIONS =
      Map.of(
          CLASS_LEVEL,
          List.of(
              "ClassLevel.BY_LENGTH.compare",
              "ClassLevel.<init>",
              "ClassLevel.twice",
              "ClassLevel.Shape.doubled",
              "ClassLevel.Named.greeting",
              "ClassLevel.Op.ADD.apply",
              "Plain.Nested.profiled",
              "Plain.holder.r.run",
              "Plain.holder.Local.f",
              "Plain.Kind.A.f"));

  /** Every source above that compiles at the default source level. */
  static List<Source> all() {
    return List.of(
        LOOPS,
        BRANCHES,
        SWITCHES,
        EXCEPTIONS,
        LAYOUT,
        NESTING,
        DEFAULT_PACKAGE,
        TRICKY,
        CRLF,
        CONSTRUCTORS,
        LAMBDAS,
        SWITCH_EXPRESSIONS,
        RESOURCES,
        CLASS_LEVEL);
  }

  /** The number of {@code @LineProfile} annotations in a source. */
  static int profiledMethods(Source source) {
    if (FUNCTIONS.containsKey(source)) {
      return FUNCTIONS.get(source).size();
    }
    return Instrumented.count("@LineProfile", source.text());
  }
}
