package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.processor.Instrumented.Source;
import io.github.lineprof.report.stats.FunctionInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source text of any content and size gives a line table that compiles and holds the text as is.
 */
class SourceTextTest {
  static final List<String> LINT = List.of("-Xlint:all,-processing");

  @Test
  void unicodeLineAndParagraphSeparatorsAndControlsInAMethodsText(@TempDir Path dir)
      throws Exception {
    // javac ends lines at \n, \r and \r\n only; these others stay inside a line of the method.
    String odd = "\u2028 \u2029 \u0085 \u000b \f \u0001 \\\\ \\\"";
    Source source =
        new Source(
            "demo.Separators",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class Separators {
          @LineProfile
          static String f() {
            // a pasted comment: ODD and an escaped one: \\u2028
            return "ODD";
          }
        }
        """
                .replace("ODD", odd));
    Compilation original = Instrumented.compile(LINT, source);
    assertThat(original).succeededWithoutWarnings();
    Instrumented.assertOriginalPlusProbes(source.text(), Instrumented.copyOf(original, source));
    Compilation copies = Instrumented.compileCopies(original, LINT, source);
    assertThat(copies).succeededWithoutWarnings();

    List<FunctionInfo> infos = infos(copies, dir, "demo.LineProf_Separators");
    assertThat(infos).hasSize(1);
    assertThat(infos.get(0).lines())
        .containsExactlyElementsIn(List.of(source.text().split("\n", -1)).subList(5, 10))
        .inOrder();
  }

  @Test
  void thousandsOfMethodsInOneFileSpreadTheirTablesOverSeveralClasses(@TempDir Path dir)
      throws Exception {
    int n = 2_800;
    StringBuilder text = new StringBuilder("package demo;\n\npublic class Many {\n");
    for (int i = 0; i < n; i++) {
      text.append("  static int m")
          .append(i)
          .append("(int x) { return x + ")
          .append(i)
          .append("; }\n");
    }
    Source source = new Source("demo.Many", text.append("}\n").toString());
    List<String> options = List.of("-Alineprof.include=demo.Many", "-Xlint:all,-processing");

    Compilation original = Instrumented.compile(options, source);
    assertThat(original).succeededWithoutWarnings();
    String table = Instrumented.lineTableOf(original, source);
    assertThat(table).contains("static final class T1");
    Compilation copies = Instrumented.compileCopies(original, options, source);
    assertThat(copies).succeededWithoutWarnings();

    Path classes =
        Instrumented.writeClasses(copies, Files.createDirectories(dir.resolve("copies")));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, SourceTextTest.class.getClassLoader())) {
      Class<?> many = loader.loadClass("demo.Many");
      var last = many.getDeclaredMethod("m2799", int.class);
      last.setAccessible(true);
      assertThat(last.invoke(null, 1)).isEqualTo(2800);
      List<FunctionInfo> infos = new ArrayList<>(infos(loader.loadClass("demo.LineProf_Many")));
      for (Class<?> nested : loader.loadClass("demo.LineProf_Many").getDeclaredClasses()) {
        infos.addAll(infos(nested));
      }
      assertThat(infos).hasSize(n);
      assertThat(infos.stream().map(FunctionInfo::firstLine).distinct().count()).isEqualTo(n);
    }
  }

  private static List<FunctionInfo> infos(Compilation compilation, Path dir, String table)
      throws Exception {
    Path classes =
        Instrumented.writeClasses(compilation, Files.createDirectories(dir.resolve("classes")));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, SourceTextTest.class.getClassLoader())) {
      return infos(loader.loadClass(table));
    }
  }

  private static List<FunctionInfo> infos(Class<?> table) throws Exception {
    List<FunctionInfo> infos = new ArrayList<>();
    for (Field f : table.getDeclaredFields()) {
      if (f.getType() == FunctionProbe.class && Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        infos.add(ProbeCounts.snapshot((FunctionProbe) f.get(null)).info());
      }
    }
    return infos;
  }
}
