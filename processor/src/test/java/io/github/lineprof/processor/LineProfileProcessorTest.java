package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.processor.Instrumented.Source;
import io.github.lineprof.report.stats.FunctionInfo;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's notes and the generated line tables. */
class LineProfileProcessorTest {
  /** Where a method of a test source starts (its first annotation), is named, and ends. */
  record MethodLines(String name, int first, int declaration, int last) {}

  /**
   * The lines of the method declared on the only line holding {@code declaration}: its annotations
   * are the lines above that start with '@', its end is the next line that is its indentation and
   * '}'.
   */
  static MethodLines methodLines(Source source, String name, String declaration) {
    String[] lines = source.text().split("\r\n|\r|\n", -1);
    int decl = source.lineOf(declaration);
    int first = decl;
    while (lines[first - 2].strip().startsWith("@")) {
      first--;
    }
    String indent = lines[decl - 1].substring(0, lines[decl - 1].indexOf(lines[decl - 1].strip()));
    int last = decl;
    if (!lines[decl - 1].endsWith("}")) {
      while (!lines[last - 1].equals(indent + "}")) {
        last++;
      }
    }
    return new MethodLines(name, first, decl, last);
  }

  static final List<MethodLines> NESTING_METHODS =
      List.of(
          methodLines(TestSources.NESTING, "Nesting.top", "int top(int x)"),
          methodLines(TestSources.NESTING, "Nesting.Nested.square", "static int square(int x)"),
          methodLines(TestSources.NESTING, "Nesting.Nested.Deeper.name", "String name()"),
          methodLines(TestSources.NESTING, "Nesting.Inner.twice", "int twice(int x)"),
          methodLines(TestSources.NESTING, "Nesting.Shape.area", "default double area()"),
          methodLines(TestSources.NESTING, "Nesting.Shape.unit", "static Shape unit()"),
          methodLines(TestSources.NESTING, "Nesting.Shape.one", "private static double one()"),
          methodLines(TestSources.NESTING, "Nesting.Op.apply", "int apply(int a, int b)"),
          methodLines(TestSources.NESTING, "Nesting.Point.manhattan", "int manhattan()"),
          methodLines(TestSources.NESTING, "SecondTopLevel.helper", "static int helper(int x)"));

  @Test
  void notesEveryInstrumentedMethodWithItsLinesOnItsDeclaration() {
    JavaFileObject file = TestSources.NESTING.file();
    Compilation compilation = Instrumented.compile(file);
    assertThat(compilation).succeededWithoutWarnings();

    for (MethodLines m : NESTING_METHODS) {
      assertThat(compilation)
          .hadNoteContaining(
              "lineprof: instrumented " + m.name() + " (lines " + m.first() + "-" + m.last() + ")")
          .inFile(file)
          .onLine(m.declaration());
    }
    assertThat(
            compilation.notes().stream()
                .filter(n -> n.getMessage(null).startsWith("lineprof: instrumented "))
                .count())
        .isEqualTo(NESTING_METHODS.size());
  }

  @Test
  void notesAOneLineMethod() {
    JavaFileObject file = TestSources.LAYOUT.file();
    Compilation compilation = Instrumented.compile(file);
    int line = TestSources.LAYOUT.lineOf("static int oneLine(int x)");

    assertThat(compilation)
        .hadNoteContaining(
            "lineprof: instrumented Layout.oneLine (lines " + line + "-" + line + ")")
        .inFile(file)
        .onLine(line);
  }

  @Test
  void noNotesWithoutProfiledMethods() {
    Compilation compilation =
        Instrumented.compile(
            new Source(
                "demo.Plain",
                """
        package demo;

        class Plain {
          int f() {
            return 1;
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(
            compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .toList())
        .isEmpty();
  }

  // ---------------------------------------------------------------- line tables

  @Test
  void lineTableRegistersFileNameAndTheLineOfTheFirstAnnotation() {
    Source layout = TestSources.LAYOUT;
    String table = Instrumented.lineTableOf(Instrumented.compile(layout), layout);

    // Javadoc is not part of the method; @SuppressWarnings, its first annotation, is.
    assertThat(table)
        .contains(
            "FunctionProbe.register(\"demo/Layout.java\", \"Layout.multiLine\", "
                + layout.lineOf("@SuppressWarnings(\"unused\")")
                + ", ");
    assertThat(table)
        .contains(
            "FunctionProbe.register(\"demo/Layout.java\", \"Layout.oneLine\", "
                + layout.lineOf("static int oneLine(int x)")
                + ", ");
    assertThat(table).containsMatch("package demo;\\s");
    assertThat(table).contains("final class LineProf_Layout");
  }

  @Test
  void lineTableOfNestedClassesNamesThemAllInSourceOrder() {
    Source nesting = TestSources.NESTING;
    String table = Instrumented.lineTableOf(Instrumented.compile(nesting), nesting);

    for (int i = 0; i < NESTING_METHODS.size(); i++) {
      MethodLines m = NESTING_METHODS.get(i);
      assertThat(table)
          .contains(
              "static final FunctionProbe F"
                  + i
                  + " = FunctionProbe.register("
                  + "\"demo/Nesting.java\", \""
                  + m.name()
                  + "\", "
                  + m.first()
                  + ", ");
    }
    assertThat(table).doesNotContain("F" + NESTING_METHODS.size() + " =");
  }

  @Test
  void lineTableOfTheDefaultPackage() {
    Source source = TestSources.DEFAULT_PACKAGE;
    Compilation compilation = Instrumented.compile(source);
    String table = Instrumented.lineTableOf(compilation, source);

    assertThat(table)
        .contains(
            "FunctionProbe.register(\"NoPackage.java\", \"NoPackage.f\", "
                + source.lineOf("@LineProfile")
                + ", ");
    assertThat(table).doesNotContain("package ");
  }

  /** Loads the tables: every probe holds its method's file, name, first line and exact text. */
  @Test
  void lineTablesHoldTheTextOfEveryLineOfTheirMethods(@TempDir Path dir) throws Exception {
    Source big = bigMethod();
    Source[] sources = {TestSources.NESTING, TestSources.LAYOUT, TestSources.CRLF, big};
    Compilation compilation = Instrumented.compile(sources);
    assertThat(compilation).succeeded();

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Instrumented.writeClasses(compilation, dir).toUri().toURL()},
            getClass().getClassLoader())) {
      for (Source source : sources) {
        List<FunctionInfo> infos = infos(loader, source);
        assertThat(infos).hasSize(TestSources.profiledMethods(source));
        List<String> lines = List.of(source.text().split("\r\n|\r|\n", -1));
        for (FunctionInfo info : infos) {
          assertThat(info.file()).isEqualTo(source.path());
          assertThat(info.lines())
              .containsExactlyElementsIn(lines.subList(info.firstLine() - 1, info.lastLine()))
              .inOrder();
          assertThat(info.lines().get(0).strip()).startsWith("@");
          assertThat(info.lines().get(info.lines().size() - 1)).endsWith("}");
        }
      }
      FunctionInfo longLine = infos(loader, big).get(0);
      assertThat(longLine.name()).isEqualTo("Big.f");
      assertThat(longLine.lines().get(2)).hasLength(20_000 + "    return \"\".length();".length());
    }
  }

  /**
   * Lines of block lambdas, anonymous and local classes inside a method are nested, one level per
   * body around them; each line's expected depth is its trailing comment.
   */
  @Test
  void lineTablesGiveTheDepthOfEveryLine(@TempDir Path dir) throws Exception {
    Source source =
        new Source(
            "demo.Nests",
            """
        package demo;

        import io.github.lineprof.LineProfile;
        import java.util.List;

        class Nests {
          @LineProfile //0
          static int f(List<Integer> xs) { //0
            int[] t = {0}; //0
            xs.forEach(x -> { //0
              t[0] += x; //1
              xs.forEach(y -> { //1
                t[0] += y; //2
              }); //2
            }); //1
            Runnable r = new Runnable() { //0
              @Override //1
              public void run() { //1
                t[0]++; //1
              } //1
            }; //1
            r.run(); //0
            class Local { //0
              int twice() { //1
                return 2 * t[0]; //1
              } //1
            } //1
            xs.forEach(x -> { t[0] += x; }); //0
            xs.forEach(z -> { //0
              t[0] -= z; //1
            }); t[0]++; //0
            xs.stream() //0
                .map(x -> { //0
                  return x + 1; //1
                }) //1
                .forEach(x -> t[0] += x); //0
            return new Local().twice(); //0
          } //0
        }
        """);
    Compilation compilation = Instrumented.compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String table = Instrumented.lineTableOf(compilation, source);
    assertThat(table).contains("\"Nests.f\", " + source.lineOf("@LineProfile //0") + ", \"");

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Instrumented.writeClasses(compilation, dir).toUri().toURL()},
            getClass().getClassLoader())) {
      FunctionInfo info = infos(loader, source).get(0);
      List<Integer> expected =
          info.lines().stream()
              .map(line -> Integer.parseInt(line.substring(line.lastIndexOf("//") + 2)))
              .toList();
      assertThat(info.depths()).containsExactlyElementsIn(expected).inOrder();
      // The calling line of the inner lambda's lines is the outer lambda's line that starts it.
      int inner = source.lineOf("t[0] += y;");
      assertThat(info.callers().get(inner - info.firstLine()))
          .isEqualTo(source.lineOf("xs.forEach(y -> {"));
      assertThat(info.callers().get(source.lineOf("t[0] += x; //1") - info.firstLine()))
          .isEqualTo(source.lineOf("xs.forEach(x -> { //0"));
    }
  }

  /** A method longer than a class file string constant holds (as modified UTF-8). */
  private static Source bigMethod() {
    return new Source(
        "demo.Big",
        """
        package demo;

        import io.github.lineprof.LineProfile;

        class Big {
          @LineProfile
          static int f() {
            return "%s".length();
          }
        }
        """
            .formatted("\u20ac".repeat(20_000)));
  }

  private static List<FunctionInfo> infos(ClassLoader loader, Source source) throws Exception {
    String name =
        (source.packageName().isEmpty() ? "" : source.packageName() + ".")
            + "LineProf_"
            + source.simpleName();
    Class<?> table = Class.forName(name, true, loader);
    List<FunctionInfo> infos = new ArrayList<>();
    Field[] fields = table.getDeclaredFields();
    Arrays.sort(
        fields,
        Comparator.comparing((Field f) -> f.getName().length()).thenComparing(Field::getName));
    for (Field f : fields) {
      if (f.getType() == FunctionProbe.class) {
        f.setAccessible(true);
        infos.add(ProbeCounts.snapshot((FunctionProbe) f.get(null)).info());
      }
    }
    return infos;
  }
}
