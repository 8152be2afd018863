package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.lineprof.processor.Instrumented.assertOriginalPlusProbes;
import static io.github.lineprof.processor.Instrumented.compile;
import static io.github.lineprof.processor.Instrumented.compileCopies;

import com.google.common.collect.Range;
import com.google.testing.compile.Compilation;
import io.github.lineprof.processor.Instrumented.Event;
import io.github.lineprof.processor.Instrumented.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The instrumented copy: same lines as the original, probes only, and it compiles cleanly. */
class LineProfileProcessorCopyTest {
  /** Every javac warning, except the processor API's own "no processor claimed ...". */
  static final List<String> LINT = List.of("-Xlint:all,-processing");

  static List<Source> sources() {
    return TestSources.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void copyIsTheOriginalWithProbesInsertedOnTheSameLines(Source source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    String copy = Instrumented.copyOf(compilation, source);

    int methods = TestSources.profiledMethods(source);
    assertWithMessage("method prologues in\n%s", copy)
        .that(Instrumented.count(Instrumented.PROLOGUE, copy))
        .isEqualTo(methods);
    assertWithMessage("method epilogues in\n%s", copy)
        .that(Instrumented.count(Instrumented.EPILOGUE, copy))
        .isEqualTo(methods);
    assertOriginalPlusProbes(source.text(), copy);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void everyProbeCountsACodeLineOfItsOwnMethodNextToIt(Source source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    String copy = Instrumented.copyOf(compilation, source);
    Map<String, Table> tables = tables(Instrumented.lineTableOf(compilation, source));
    assertThat(tables).hasSize(TestSources.profiledMethods(source));

    List<Event> events = Instrumented.events(copy);
    assertThat(events).isNotEmpty();
    String[] lines = source.text().split("\r\n|\r|\n", -1);
    for (Event e : events) {
      Table t = tables.get(e.probe().substring(e.probe().indexOf('.') + 1));
      assertWithMessage("probe %s", e.probe()).that(t).isNotNull();
      int counted = e.line();
      String where =
          String.format(
              "%s on line %s counts line %s of %s (lines %s-%s)",
              e.probe(), e.copyLine(), counted, t.name(), t.firstLine(), t.lastLine());
      assertWithMessage(where).that(e.copyLine()).isIn(Range.closed(t.firstLine(), t.lastLine()));
      assertWithMessage(where).that(counted).isIn(Range.closed(t.firstLine(), t.lastLine()));
      // A line that has code: the probe of a statement or header goes at most one line away from it
      // (a label on the line above, a condition or brace on the line below), except a do-while
      // condition that cannot be wrapped, which is counted at the start of each iteration.
      String text = lines[counted - 1].strip();
      assertWithMessage(where).that(text).isNotEmpty();
      assertWithMessage(where).that(text.startsWith("//") || text.startsWith("/*")).isFalse();
      if (text.startsWith("} while") && counted > e.copyLine()) {
        continue; // a do-while condition that must stay as it is: counted at the top of its body
      }
      assertWithMessage(where).that(Math.abs(counted - e.copyLine())).isAtMost(1);
    }
    // Each method starts at its entry line, the one after its last, a named constant of the table.
    String table = Instrumented.lineTableOf(compilation, source);
    for (Table t : tables.values()) {
      assertWithMessage("entry line of %s", t.name())
          .that(table)
          .contains("static final int " + t.field() + "_ENTRY = " + (t.lastLine() + 1) + ";");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void copyCompilesWithoutWarnings(Source source) {
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  @Test
  void withoutSwitchExpressionsLoopHeadersAreCountedInTheirBodiesWithAWarning() {
    List<String> java11 = List.of("--release", "11", "-Xlint:all,-processing");
    Source source = TestSources.JAVA11;
    Compilation original = compile(java11, source);
    assertThat(original).succeeded();
    assertThat(original).hadWarningCount(2);
    assertThat(original)
        .hadWarningContaining(
            "@LineProfile Java11.loops: the loop headers on lines 11, 14 count each"
                + " iteration (n), not each evaluation of the condition (n+1): the source level (11) has no switch"
                + " expressions, which that count needs; compile with --release 14 or later to get n+1");
    assertThat(original)
        .hadWarningContaining(
            "@LineProfile Java11.frames: the loop header on line 36 counts each"
                + " iteration (n), not each evaluation");
    String copy = Instrumented.copyOf(original, source);

    assertThat(Instrumented.withoutExplanation(copy)).doesNotContain("switch ((int)");
    assertOriginalPlusProbes(source.text(), copy);
    assertThat(compileCopies(original, java11, source)).succeededWithoutWarnings();
  }

  @Test
  void eachFileOfACompilationGetsItsOwnCopyAndLineTable() {
    Compilation compilation =
        compile(LINT, TestSources.LOOPS, TestSources.DEFAULT_PACKAGE, TestSources.CRLF);
    assertThat(compilation).succeededWithoutWarnings();
    for (Source source :
        List.of(TestSources.LOOPS, TestSources.DEFAULT_PACKAGE, TestSources.CRLF)) {
      assertOriginalPlusProbes(source.text(), Instrumented.copyOf(compilation, source));
      assertThat(Instrumented.lineTableOf(compilation, source))
          .contains("\"" + source.path() + "\"");
    }
    assertThat(
            compileCopies(
                compilation,
                LINT,
                TestSources.LOOPS,
                TestSources.DEFAULT_PACKAGE,
                TestSources.CRLF))
        .succeededWithoutWarnings();
  }

  @Test
  void nestedFramesCallTheNestedProbesAndTheMethodsOwnFrameThePlainOnes() {
    Source source =
        new Source(
            "demo.Nested",
            """
        package demo;

        import io.github.lineprof.LineProfile;
        import java.util.List;

        public class Nested {
          @LineProfile
          static int f(List<Integer> xs) {
            int[] t = {0};
            xs.forEach(x -> {
              t[0] += x;
            });
            Runnable r = new Runnable() {
              @Override public void run() {
                t[0]++;
              }
            };
            r.run();
            return t[0];
          }
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    String copy = Instrumented.withoutExplanation(Instrumented.copyOf(original, source));

    // Every call with the method's own locals ($lp$c, $lp$l at exit) is a plain one, every call
    // with a nested frame's ($lp$c1, $lp$l1) a nested one: the lambda's body and the anonymous
    // class's method.
    assertThat(Instrumented.count("\\.(enter|line)\\(\\$lp\\$c[,)]", copy)).isEqualTo(1 + 5);
    assertThat(Instrumented.count("\\.exit\\(\\$lp\\$l,", copy)).isEqualTo(1);
    assertThat(Instrumented.count("\\.(enterNested|lineNested)\\(\\$lp\\$c1[,)]", copy))
        .isEqualTo(2 * (1 + 1));
    assertThat(Instrumented.count("\\.exitNested\\(\\$lp\\$l1,", copy)).isEqualTo(2);
    assertThat(Instrumented.count("Nested\\(\\$lp\\$c[,)]", copy)).isEqualTo(0);
    assertThat(Instrumented.count("\\.(enter|line|exit)\\(\\$lp\\$c1", copy)).isEqualTo(0);
    assertOriginalPlusProbes(source.text(), Instrumented.copyOf(original, source));
    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  @Test
  void aFileWithoutProfiledMethodsGetsNoCopy() {
    Source plain =
        new Source(
            "demo.Plain",
            """
        package demo;

        public class Plain {
          static int f(int n) {
            while (n > 0) n--;
            return n;
          }
        }
        """);
    Compilation compilation = compile(LINT, plain, TestSources.DEFAULT_PACKAGE);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Instrumented.copyFile(compilation, plain)).isEmpty();
    assertThat(compilation.generatedSourceFile("demo.LineProf_Plain")).isEmpty();
  }

  /**
   * ProbePlanner refuses "a comment between an arrow case's expression and its ';'", but in a
   * switch statement javac's tree for {@code case X -> expr;} is an expression statement that takes
   * in the comment and the ';', so such a case is instrumented like any other statement body.
   */
  @Test
  void arrowCaseWithCommentsBeforeItsSemicolonIsInstrumented() {
    Source source =
        new Source(
            "demo.ArrowComment",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class ArrowComment {
          @LineProfile
          static int f(int k) {
            int r = 0;
            switch (k) {
              case 1 -> r++ /* one */;
              case 2 ->
                  r += 2 // two
                  ;
              default -> r--;
            }
            return r;
          }
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    assertThat(original).hadNoteContaining("lineprof: instrumented ArrowComment.f (lines 6-17)");
    String copy = Instrumented.copyOf(original, source);
    assertOriginalPlusProbes(source.text(), copy);
    assertThat(copy)
        .containsMatch("case 1 -> \\{ " + Instrumented.EVENT + "; r\\+\\+ /\\* one \\*/; }");
    assertThat(copy).containsMatch("\\{ " + Instrumented.EVENT + "; r \\+= 2 // two\n *; }");

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  /**
   * A constant local declared in a switch statement group (not a block) shadows a non-constant
   * field. The loop {@code while (running)} is infinite, so the method needs no return; the copy
   * must keep it so.
   */
  @Test
  void constantLocalInASwitchGroupShadowingAFieldStaysConstant() {
    Source source =
        new Source(
            "demo.Shadowing",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class Shadowing {
          boolean running;

          @LineProfile
          int spin(int k) {
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
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    assertOriginalPlusProbes(source.text(), Instrumented.copyOf(original, source));

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  /**
   * {@code b} is a constant: its initializer names the constant field {@code FLAG}. A local
   * declared later shadows {@code FLAG} at the loop, which must not make {@code b} look
   * non-constant there: {@code while (b)} is infinite, so the method needs no return.
   */
  @Test
  void constantLocalIsJudgedWhereItIsDeclaredNotAtTheLoop() {
    Source source =
        new Source(
            "demo.LaterShadow",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class LaterShadow {
          static final boolean FLAG = true;

          @LineProfile
          int spin(int k) {
            final boolean b = FLAG;
            boolean FLAG = k > 0;
            while (b) {
              if (++k > 10 && FLAG) {
                return k;
              }
            }
          }
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    assertOriginalPlusProbes(source.text(), Instrumented.copyOf(original, source));

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  @Test
  void bracesSpelledAsUnicodeEscapesGetTheirProbesAfterTheWholeEscape() {
    // "\\u" keeps the escape out of this file's own lexing: the source holds the braces' escapes.
    Source source =
        new Source(
            "demo.Escaped",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class Escaped {
          @LineProfile
          static int sum(int n) \\u007b
            int s = 0;
            for (int i = 0; i < n; i++) \\uu007b
              s += i;
            \\u007d
            for (int x : new int[] {n}) \\u007b
              s += x;
            \\u007d
            return s;
          \\u007d
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    String copy = Instrumented.copyOf(original, source);
    assertThat(Instrumented.count(Instrumented.PROLOGUE, copy)).isEqualTo(1);
    assertThat(Instrumented.count(Instrumented.EPILOGUE, copy)).isEqualTo(1);
    assertOriginalPlusProbes(source.text(), copy);

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  @Test
  void aVariableNamedLikeTheLineTableDoesNotHideIt() {
    Source source =
        new Source(
            "demo.Shadow",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class Shadow {
          static int LineProf_Shadow = 2;

          @LineProfile
          static int twice(int n) {
            int LineProf_Shadow = n;
            for (int i = 0; i < 1; i++) {
              LineProf_Shadow += n;
            }
            return LineProf_Shadow;
          }
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    assertThat(Instrumented.copyOf(original, source)).contains("demo.LineProf_Shadow.F0");

    assertThat(compileCopies(original, LINT, source)).succeededWithoutWarnings();
  }

  @Test
  void aVariableNamedLikeThePackageOfAHiddenLineTableIsAnErrorOnTheMethod() {
    Source source =
        new Source(
            "demo.Hidden",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class Hidden {
          @LineProfile
          static int both(int demo) {
            int LineProf_Hidden = demo;
            return LineProf_Hidden;
          }
        }
        """);
    Compilation original = compile(LINT, source);
    assertThat(original).failed();
    assertThat(original)
        .hadErrorContaining(
            "@LineProfile Hidden.both: this file declares names"
                + " 'LineProf_Hidden' and 'demo', which would hide lineprof's line table demo.LineProf_Hidden"
                + " from the instrumented copy; rename one of them");
  }

  // ---------------------------------------------------------------- line tables

  record Table(String field, String name, int firstLine, int lastLine) {}

  private static final Pattern TABLE =
      Pattern.compile(
          "\\* (\\S+(?: \\S+>\\S*)?), lines (\\d+) to (\\d+)\\.\\s*\\*/\\s*static final FunctionProbe (F\\d+) = "
              + "FunctionProbe\\.register\\(\"[^\"]*\", \"([^\"]*)\", (\\d+),");

  /** The probes of a generated line table, by field name. */
  static Map<String, Table> tables(String lineTable) {
    Map<String, Table> tables = new HashMap<>();
    Matcher m = TABLE.matcher(lineTable);
    while (m.find()) {
      assertThat(m.group(5)).isEqualTo(m.group(1));
      assertThat(m.group(6)).isEqualTo(m.group(2));
      tables.put(
          m.group(4),
          new Table(
              m.group(4), m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
    return tables;
  }
}
