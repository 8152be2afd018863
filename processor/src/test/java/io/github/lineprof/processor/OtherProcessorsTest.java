package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.github.lineprof.processor.Instrumented.Source;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees that another processor changed before lineprof sees them. */
class OtherProcessorsTest {
  /**
   * Lombok's {@code @SneakyThrows} wraps a method's statements in a try it places at the
   * annotation's position. The stand-in below does the same to a method's first statement: a probe
   * planned at the tree's position would land inside the annotation's text.
   */
  @Test
  void aStatementPlacedAtAnAnnotationByAnotherProcessorGetsNoProbeThere(@TempDir Path dir)
      throws Exception {
    Source source =
        new Source(
            "demo.Sneaky",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        public class Sneaky {
          @interface Moved { Class<? extends Throwable>[] value(); }

          @LineProfile
          @Moved(Exception.class)
          static int f(int k) {
            int r = k + 1;
            return r;
          }
        }
        """);
    Compilation original =
        javac()
            .withProcessors(new MovesFirstStatementToAnnotation(), new LineProfileProcessor())
            .withOptions("-Xlint:all,-processing")
            .compile(source.file());
    assertThat(original).succeededWithoutWarnings();
    String copy = Instrumented.copyOf(original, source);
    assertThat(copy).contains("\n  @Moved(Exception.class)\n");
    Instrumented.assertOriginalPlusProbes(source.text(), copy);

    Compilation copies = Instrumented.compileCopies(original, List.of("-Xlint:all"), source);
    assertThat(copies).succeededWithoutWarnings();
    Path classes =
        Instrumented.writeClasses(copies, Files.createDirectories(dir.resolve("copies")));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, OtherProcessorsTest.class.getClassLoader())) {
      var f = loader.loadClass("demo.Sneaky").getDeclaredMethod("f", int.class);
      f.setAccessible(true);
      assertThat(f.invoke(null, 41)).isEqualTo(42);
    }
  }

  /**
   * Sets the position of each {@code @Moved} method's first statement inside the annotation, as
   * Lombok does.
   */
  static final class MovesFirstStatementToAnnotation extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("demo.Sneaky.Moved");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Trees trees = Trees.instance(processingEnv);
      for (TypeElement annotation : annotations) {
        for (Element method : round.getElementsAnnotatedWith(annotation)) {
          TreePath path = trees.getPath(method);
          MethodTree tree = (MethodTree) path.getLeaf();
          AnnotationTree moved = tree.getModifiers().getAnnotations().get(1);
          long at =
              trees.getSourcePositions().getStartPosition(path.getCompilationUnit(), moved) + 1;
          StatementTree first = tree.getBody().getStatements().get(0);
          try {
            // JCTree.pos: the start of a variable declaration without modifiers is its type's.
            Object type = first.getClass().getField("vartype").get(first);
            type.getClass().getField("pos").setInt(type, (int) at);
          } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
          }
        }
      }
      return false;
    }
  }
}
