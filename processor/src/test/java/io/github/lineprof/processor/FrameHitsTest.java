package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.processor.Instrumented.Source;
import io.github.lineprof.report.stats.FunctionStats;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact Hits for what has frames of its own or is counted inside expressions: constructors (the
 * this/super line is not counted), block lambdas, anonymous and local classes, switch expressions,
 * try-with-resources resources. Each expected column is derived by hand in the comments of the
 * source.
 */
class FrameHitsTest {
  static final Source SOURCE =
      new Source(
          "demo.Frames",
          """
      package demo;

      import io.github.lineprof.LineProfile;
      import java.io.StringReader;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.IntUnaryOperator;

      public class Frames {
        private final int value;
        private final List<String> log;

        @LineProfile
        public Frames(int value) {
          this(value, new ArrayList<>());       // 0: the frame opens after this(...)
          log.add("one");                       // 1
        }

        @LineProfile
        Frames(int value, List<String> log) {
          super();                              // 0
          this.log = log;                       // 1
          this.value = value;                   // 1
        }

        @LineProfile
        static int lambdas(List<Integer> xs) {
          int[] sum = {0};                      // 1
          xs.forEach(x -> {                     // 1 (the call, in the method's frame)
            if (x > 1) {                        // 3 (once per element, in the lambda's frame)
              sum[0] += x;                      // 2
            }
          });
          IntUnaryOperator twice = x -> x * 2;  // 1
          Runnable r = () -> { sum[0]++; };     // 1: a one-line lambda counts as its line
          r.run();                              // 1
          return sum[0] + twice.applyAsInt(1);  // 1
        }

        @LineProfile
        static int classes(int n) {
          Object o = new Object() {             // 1
            @Override
            public String toString() {
              return "anon";                    // 2 (called twice)
            }
          };
          class Local {
            int twice(int x) {
              int r = 2 * x;                    // 3 (n = 3)
              return r;                         // 3
            }
          }
          Local l = new Local();                // 1
          int total = 0;                        // 1
          for (int i = 0; i < n; i++) {         // 4 (n + 1)
            total += l.twice(i);                // 3
          }
          return total + o.toString().length() + o.toString().length(); // 1
        }

        @LineProfile
        static int switches(int k) {
          int r = switch (k) {                  // 1
            case 0 -> 10;                       // 0
            case 1 ->                           // 0
                20;                             // 1: an arrow case's expression on a line of its own
            default -> {
              int t = k * 2;                    // 0
              yield t;                          // 0
            }
          };
          return r;                             // 1
        }

        @LineProfile
        static int resources(String text) throws Exception {
          try (StringReader a = new StringReader(text);  // 1
               StringReader b = new StringReader(text)) { // 1
            return a.read() + b.read();                   // 1
          }
        }
      }
      """);

  @Test
  void hitsOfFramesAndExpressions(@TempDir Path dir) throws Exception {
    Compilation compilation = Instrumented.compile(List.of("-g"), SOURCE);
    assertThat(compilation).succeeded();
    Compilation copies = Instrumented.compileCopies(compilation, List.of("-g"), SOURCE);
    assertThat(copies).succeeded();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Instrumented.writeClasses(copies, dir).toUri().toURL()},
            getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("demo.Frames");
      Constructor<?> constructor = type.getConstructor(int.class);
      constructor.newInstance(5);
      assertThat(call(type, "lambdas", List.of(1, 2, 3))).isEqualTo(5 + 1 + 2);
      assertThat(call(type, "classes", 3)).isEqualTo(2 * (0 + 1 + 2) + 8);
      assertThat(call(type, "switches", 1)).isEqualTo(20);
      assertThat(call(type, "resources", "xy")).isEqualTo(2 * 'x');

      Map<String, FunctionStats> stats = stats(loader);
      assertHits(stats, "Frames.<init>", "public Frames(int value)", 0, 1);
      assertHits(stats, "Frames.<init>", "Frames(int value, List<String> log)", 0, 1, 1);
      assertHits(stats, "Frames.lambdas", "lambdas", 1, 1, 3, 2, 1, 1, 1, 1);
      assertHits(stats, "Frames.classes", "classes", 1, 2, 3, 3, 1, 1, 4, 3, 1);
      assertHits(stats, "Frames.switches", "switches", 1, 0, 0, 1, 0, 0, 1);
      assertHits(stats, "Frames.resources", "resources", 1, 1, 1);
    }
  }

  /**
   * Checks the lines of a function whose comments give hits: {@code // N} after the code, in order,
   * starting at the function whose declaration holds {@code declaration}.
   */
  private static void assertHits(
      Map<String, FunctionStats> all, String name, String declaration, long... expected) {
    FunctionStats f = null;
    int declared = SOURCE.lineOf(declaration);
    for (Map.Entry<String, FunctionStats> e : all.entrySet()) {
      FunctionStats s = e.getValue();
      if (s.info().name().equals(name)
          && s.info().firstLine() <= declared
          && declared <= s.info().lastLine()) {
        f = s;
      }
    }
    assertWithMessage("function %s at %s", name, declaration).that(f).isNotNull();
    List<Long> counted = new ArrayList<>();
    List<Long> hits = new ArrayList<>();
    String[] lines = SOURCE.text().split("\n", -1);
    for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
      String text = lines[line - 1];
      int comment = text.indexOf("// ");
      if (comment >= 0 && Character.isDigit(text.charAt(comment + 3))) {
        counted.add(f.hits(line));
      } else {
        hits.add(f.hits(line));
      }
    }
    List<Long> want = new ArrayList<>();
    for (long e : expected) {
      want.add(e);
    }
    assertWithMessage("hits of the commented lines of %s", name).that(counted).isEqualTo(want);
    assertWithMessage("hits of the other lines of %s", name)
        .that(hits.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(0);
  }

  private static Object call(Class<?> type, String name, Object arg) throws Exception {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m.invoke(null, arg);
      }
    }
    throw new AssertionError(name);
  }

  private static Map<String, FunctionStats> stats(ClassLoader loader) throws Exception {
    Map<String, FunctionStats> stats = new TreeMap<>();
    for (Field f : loader.loadClass("demo.LineProf_Frames").getDeclaredFields()) {
      if (f.getType() == FunctionProbe.class) {
        f.setAccessible(true);
        stats.put(f.getName(), ProbeCounts.snapshot((FunctionProbe) f.get(null)));
      }
    }
    return stats;
  }
}
