package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.swap.Layout;
import io.github.lineprof.processor.Instrumented.Source;
import java.io.IOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor refuses: a compile error on the method, at the method's line, and no copy and
 * no line table for its file.
 *
 * <p>compile-testing hides the generated files of a failed compilation, so what was written is
 * checked on a second compilation into real directories.
 */
class LineProfileProcessorErrorTest {
  @TempDir Path dir;

  @Test
  void abstractMethod() throws IOException {
    Source source =
        new Source(
            "demo.AbstractMethod",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public abstract class AbstractMethod {
          @LineProfile
          abstract int f(int x);
        }
        """);
    assertRefusedForHavingNoBody(source, "abstract int f(int x);");
  }

  @Test
  void nativeMethod() throws IOException {
    Source source =
        new Source(
            "demo.NativeMethod",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class NativeMethod {
          @LineProfile
          native int f(int x);
        }
        """);
    assertRefusedForHavingNoBody(source, "native int f(int x);");
  }

  @Test
  void interfaceMethodWithoutBody() throws IOException {
    Source source =
        new Source(
            "demo.Api",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public interface Api {
          @LineProfile
          int f(int x);
        }
        """);
    assertRefusedForHavingNoBody(source, "int f(int x);");
  }

  /** A bad file does not keep the other files of the compilation from being instrumented. */
  @Test
  void errorInOneFileLeavesOtherFilesInstrumented() throws IOException {
    Source bad =
        new Source(
            "demo.Bad",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public abstract class Bad {
          @LineProfile
          protected abstract void f(int k);
        }
        """);
    JavaFileObject file = bad.file();
    Compilation compilation = Instrumented.compile(file, TestSources.DEFAULT_PACKAGE.file());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@LineProfile needs a method with a body; f has none")
        .inFile(file)
        .onLine(bad.lineOf("protected abstract void f(int k);"));
    assertThat(compilation).hadNoteContaining("lineprof: instrumented NoPackage.f (lines 4-11)");

    assertThat(Instrumented.compileToDisk(dir, bad, TestSources.DEFAULT_PACKAGE)).isFalse();
    assertThat(Instrumented.filesUnder(dir.resolve("classes")))
        .containsExactly(
            "META-INF/lineprof/instrumented/NoPackage.txt", "META-INF/lineprof/src/NoPackage.java");
    assertThat(Instrumented.filesUnder(dir.resolve("generated")))
        .containsExactly("LineProf_NoPackage.java");
  }

  /**
   * An abstract method is a method that cannot be instrumented, so its file gets no copy, as the
   * javadoc of FileInstrumenter promises for a file with any refused method.
   */
  @Test
  void abstractMethodNextToAnInstrumentableOne() throws IOException {
    Source source =
        new Source(
            "demo.Mixed",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public abstract class Mixed {
          @LineProfile
          abstract int f(int x);

          @LineProfile
          int g(int x) {
            return x + 1;
          }
        }
        """);
    assertRefusedForHavingNoBody(source, "abstract int f(int x);");
  }

  /** One error, on the method's line, saying it has no body; and no copy or table for its file. */
  private void assertRefusedForHavingNoBody(Source source, String declaration) throws IOException {
    JavaFileObject file = source.file();
    Compilation compilation = Instrumented.compile(file);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("@LineProfile needs a method with a body; f has none")
        .inFile(file)
        .onLine(source.lineOf(declaration));
    assertNothingWritten(source);
  }

  /**
   * Compiles {@code source} again, into directories, and checks that no copy or table was written.
   */
  private void assertNothingWritten(Source source) throws IOException {
    assertThat(Instrumented.compileToDisk(dir, source)).isFalse();
    assertThat(Instrumented.filesUnder(dir.resolve("classes")))
        .doesNotContain(Layout.COPY_SOURCES + source.path());
    assertThat(Instrumented.filesUnder(dir.resolve("generated"))).isEmpty();
  }
}
