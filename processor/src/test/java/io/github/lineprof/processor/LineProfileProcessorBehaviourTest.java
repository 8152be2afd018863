package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.processor.Instrumented.Source;
import io.github.lineprof.report.stats.FunctionStats;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the compiled copy next to the compiled original, each from its own class loader, and checks
 * that they return the same values and throw the same exceptions; and that the copy's probes count
 * the hits line_profiler would.
 */
class LineProfileProcessorBehaviourTest {
  static final Source ALGORITHMS =
      new Source(
          "demo.Algorithms",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.util.Iterator;
      import java.util.List;

      public class Algorithms {
        @LineProfile
        public static int triangle(int n) {
          int sum = 0;
          for (int i = 0; i < n; i++) {
            sum += i;
          }
          return sum;
        }

        @LineProfile
        public static String classify(int n) {
          if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
          } else if (n == 0) {
            return "zero";
          } else if (n % 2 == 0) {
            return "even";
          }
          switch (n % 3) {
            case 0 -> {
              return "odd, multiple of 3";
            }
            case 1 ->
                n = -n;
            default -> n = n * 2;
          }
          return "odd " + n;
        }

        @LineProfile
        public static int parseSum(List<String> items) {
          int total = 0;
          for (String s : items) {
            try {
              total += Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
              if (s.isBlank()) continue;
              throw new IllegalStateException("bad item " + s, e);
            } finally {
              total++;
            }
          }
          return total;
        }

        @LineProfile
        public static int firstLongWord(Object[] items, int min) {
          int i = 0;
          search:
          while (true) {
            Object o = items[i++];
            if (!(o instanceof String s)) {
              continue;
            }
            for (char c : s.toCharArray()) {
              if (c == ' ') continue search;
            }
            if (s.length() >= min) {
              return i - 1;
            }
          }
        }

        @LineProfile
        public static int drain(Iterator<Integer> it) {
          int c;
          int count = 0;
          while ((c = next(it)) != -1) {
            count += c;
          }
          do {
            count--;
          } while (count > 100);
          return count * 10 + c;
        }

        private static int next(Iterator<Integer> it) {
          return it.hasNext() ? it.next() : -1;
        }

        @LineProfile
        public static int countDown(Object o, int n) {
          int steps = 0;
          do {
            steps++;
            n--;
          } while (n > 0 && o instanceof String s && !s.isEmpty());
          return steps;
        }

        @SafeVarargs
        @LineProfile
        public static <T extends Comparable<T>> T max(T... xs) {
          T best = xs[0];
          for (T x : xs) if (x.compareTo(best) > 0) best = x;
          return best;
        }
      }
      """);

  /**
   * As Maven compiles both (debug on): with local variable tables, a helpful NullPointerException
   * names a local by its name, not by its slot, which the copy's own locals shift.
   */
  static final List<String> OPTIONS = List.of("-g");

  private static URLClassLoader original;
  private static URLClassLoader copy;

  @BeforeAll
  static void compileBoth(@TempDir Path dir) throws Exception {
    Compilation compilation = Instrumented.compile(OPTIONS, ALGORITHMS);
    assertThat(compilation).succeeded();
    Compilation copyCompilation = Instrumented.compileCopies(compilation, OPTIONS, ALGORITHMS);
    assertThat(copyCompilation).succeeded();
    original =
        loader(
            Instrumented.writeClasses(
                compilation, Files.createDirectories(dir.resolve("original"))));
    copy =
        loader(
            Instrumented.writeClasses(
                copyCompilation, Files.createDirectories(dir.resolve("copy"))));
  }

  @AfterAll
  static void close() throws Exception {
    original.close();
    copy.close();
  }

  private static URLClassLoader loader(Path classes) throws Exception {
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()},
        LineProfileProcessorBehaviourTest.class.getClassLoader());
  }

  static Stream<Arguments> calls() {
    return Stream.of(
        call("triangle", () -> new Object[] {0}),
        call("triangle", () -> new Object[] {10}),
        call("triangle", () -> new Object[] {-3}),
        call("classify", () -> new Object[] {-1}),
        call("classify", () -> new Object[] {0}),
        call("classify", () -> new Object[] {4}),
        call("classify", () -> new Object[] {9}),
        call("classify", () -> new Object[] {7}),
        call("classify", () -> new Object[] {5}),
        call("parseSum", () -> new Object[] {List.of("1", " 2", " ", "30")}),
        call("parseSum", () -> new Object[] {List.of("1", "x", "3")}),
        call("parseSum", () -> new Object[] {Arrays.asList("1", null)}),
        call("parseSum", () -> new Object[] {List.of()}),
        call(
            "firstLongWord", () -> new Object[] {new Object[] {1, "a b", "abc", 2.0, "abcdef"}, 4}),
        call("firstLongWord", () -> new Object[] {new Object[] {"ab"}, 1}),
        call("firstLongWord", () -> new Object[] {new Object[] {"ab", "c d"}, 3}),
        call("drain", () -> new Object[] {List.of(1, 2, 3).iterator()}),
        call("drain", () -> new Object[] {List.of(200, 7).iterator()}),
        call("drain", () -> new Object[] {List.<Integer>of().iterator()}),
        call("drain", () -> new Object[] {null}),
        call("countDown", () -> new Object[] {"x", 3}),
        call("countDown", () -> new Object[] {7, 3}),
        call("countDown", () -> new Object[] {null, 0}),
        call("max", () -> new Object[] {new String[] {"b", "c", "a"}}),
        call("max", () -> new Object[] {new Integer[] {3}}),
        call("max", () -> new Object[] {new Integer[] {}}));
  }

  private static Arguments call(String method, Supplier<Object[]> args) {
    return Arguments.of(method, args, Arrays.deepToString(args.get()));
  }

  @ParameterizedTest(name = "{0}({2})")
  @MethodSource("calls")
  void copyReturnsAndThrowsWhatTheOriginalDoes(String method, Supplier<Object[]> args, String shown)
      throws Exception {
    Outcome expected = run(original, method, args.get());
    Outcome actual = run(copy, method, args.get());
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void theCopyIsTheInstrumentedClassAndTheOriginalIsNot() throws Exception {
    Class<?> fromCopy = copy.loadClass("demo.Algorithms");
    Class<?> fromOriginal = original.loadClass("demo.Algorithms");
    assertThat(fromCopy.getClassLoader()).isSameInstanceAs(copy);
    assertThat(fromOriginal.getClassLoader()).isSameInstanceAs(original);
    // The copy references its line table; the original class does not.
    assertThat(referencesLineTable(copy)).isTrue();
    assertThat(referencesLineTable(original)).isFalse();
  }

  /** Hits as line_profiler counts them: a loop header once per evaluation of its condition. */
  @Test
  void copyCountsTheHitsOfEveryLine(@TempDir Path dir) throws Exception {
    try (URLClassLoader fresh = freshCopy(dir)) {
      invoke(fresh, "triangle", 5);
      FunctionStats stats = ProbeCounts.snapshot(probe(fresh, "Algorithms.triangle"));

      assertThat(stats.hits(ALGORITHMS.lineOf("int triangle(int n)"))).isEqualTo(0);
      assertThat(stats.hits(ALGORITHMS.lineOf("int sum = 0;"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("for (int i = 0; i < n; i++)"))).isEqualTo(6);
      assertThat(stats.hits(ALGORITHMS.lineOf("sum += i;"))).isEqualTo(5);
      assertThat(stats.hits(ALGORITHMS.lineOf("return sum;"))).isEqualTo(1);
      assertThat(stats.totalHits()).isEqualTo(13);
    }
  }

  /** An enhanced for's header: once on entry and once per element; a catch line: once per catch. */
  @Test
  void copyCountsEnhancedForCatchAndFinally(@TempDir Path dir) throws Exception {
    try (URLClassLoader fresh = freshCopy(dir)) {
      assertThat(invoke(fresh, "parseSum", List.of("1", " ", "2"))).isEqualTo(6);
      FunctionStats stats = ProbeCounts.snapshot(probe(fresh, "Algorithms.parseSum"));

      assertThat(stats.hits(ALGORITHMS.lineOf("int total = 0;"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("for (String s : items)"))).isEqualTo(4);
      assertThat(stats.hits(ALGORITHMS.lineOf("      try {"))).isEqualTo(3);
      assertThat(stats.hits(ALGORITHMS.lineOf("total += Integer.parseInt"))).isEqualTo(3);
      assertThat(stats.hits(ALGORITHMS.lineOf("catch (NumberFormatException e)"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("if (s.isBlank()) continue;"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("throw new IllegalStateException"))).isEqualTo(0);
      assertThat(stats.hits(ALGORITHMS.lineOf("total++;"))).isEqualTo(3);
      assertThat(stats.hits(ALGORITHMS.lineOf("return total;"))).isEqualTo(1);
    }
  }

  /**
   * A do-while condition that must stay as it is (here: it declares a pattern variable) is still a
   * line that runs once per iteration. ProbePlanner's javadoc: where a condition cannot be wrapped,
   * "the header is hit at the start of each iteration instead".
   */
  @Test
  void copyCountsADoWhileConditionThatCannotBeWrapped(@TempDir Path dir) throws Exception {
    try (URLClassLoader fresh = freshCopy(dir)) {
      assertThat(invoke(fresh, "countDown", "x", 3)).isEqualTo(3);
      FunctionStats stats = ProbeCounts.snapshot(probe(fresh, "Algorithms.countDown"));

      assertThat(stats.hits(ALGORITHMS.lineOf("steps++;"))).isEqualTo(3);
      assertThat(stats.hits(ALGORITHMS.lineOf("} while (n > 0 && o instanceof String s")))
          .isEqualTo(3);
    }
  }

  /** The time of a method that throws is still charged, and the line that threw is counted. */
  @Test
  void copyCountsLinesOfAnInvocationThatThrows(@TempDir Path dir) throws Exception {
    try (URLClassLoader fresh = freshCopy(dir)) {
      Outcome outcome = run(fresh, "classify", new Object[] {-5});
      assertThat(outcome.thrown()).isEqualTo(IllegalArgumentException.class.getName());
      FunctionStats stats = ProbeCounts.snapshot(probe(fresh, "Algorithms.classify"));

      assertThat(stats.hits(ALGORITHMS.lineOf("if (n < 0) {"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("throw new IllegalArgumentException"))).isEqualTo(1);
      assertThat(stats.hits(ALGORITHMS.lineOf("} else if (n == 0) {"))).isEqualTo(0);
      assertThat(stats.totalHits()).isEqualTo(2);
      assertThat(stats.nanos(ALGORITHMS.lineOf("throw new IllegalArgumentException")))
          .isGreaterThan(0L);
    }
  }

  // ---------------------------------------------------------------- running

  /** What a call did: its value, or the exception it threw and that exception's cause. */
  record Outcome(Object value, String thrown, String message, String cause) {}

  private static Outcome run(ClassLoader loader, String method, Object[] args) throws Exception {
    try {
      Object value = invoke(loader, method, args);
      return new Outcome(value, null, null, null);
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      return new Outcome(
          null,
          t.getClass().getName(),
          t.getMessage(),
          t.getCause() == null ? null : t.getCause().getClass().getName());
    }
  }

  private static Object invoke(ClassLoader loader, String method, Object... args) throws Exception {
    Class<?> type = loader.loadClass("demo.Algorithms");
    assertThat(type.getClassLoader()).isSameInstanceAs(loader);
    Method m =
        Arrays.stream(type.getDeclaredMethods())
            .filter(candidate -> candidate.getName().equals(method))
            .findFirst()
            .orElseThrow();
    return m.invoke(null, args);
  }

  private static URLClassLoader freshCopy(Path dir) throws Exception {
    return loader(
        Instrumented.writeClasses(
            Instrumented.compileCopies(
                Instrumented.compile(OPTIONS, ALGORITHMS), OPTIONS, ALGORITHMS),
            dir));
  }

  /** The probe of {@code name} in the line table that {@code loader} loaded. */
  private static FunctionProbe probe(ClassLoader loader, String name) throws Exception {
    Class<?> table = loader.loadClass("demo.LineProf_Algorithms");
    List<String> names = new ArrayList<>();
    for (Field f : table.getDeclaredFields()) {
      if (f.getType() == FunctionProbe.class) {
        f.setAccessible(true);
        FunctionProbe probe = (FunctionProbe) f.get(null);
        if (ProbeCounts.snapshot(probe).info().name().equals(name)) {
          return probe;
        }
        names.add(ProbeCounts.snapshot(probe).info().name());
      }
    }
    assertWithMessage("no probe %s among %s", name, names).fail();
    throw new AssertionError();
  }

  private static boolean referencesLineTable(URLClassLoader loader) throws Exception {
    try (var in = loader.getResourceAsStream("demo/Algorithms.class")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains("demo/LineProf_Algorithms");
    }
  }
}
