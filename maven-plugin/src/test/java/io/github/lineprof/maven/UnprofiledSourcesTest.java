package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprofiledSourcesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void findsTheAnnotationBySimpleAndQualifiedName() throws Exception {
    Path simple = write("a/p/A.java", "class A { @LineProfile void run() {} }");
    Path qualified =
        write("b/p/B.java", "class B { @io.github.lineprof.LineProfile void run() {} }");
    write("a/p/C.java", "class C { @LineProfiled void run() {} /* LineProfile */ }");
    write("a/p/notes.txt", "@LineProfile");

    assertThat(
            UnprofiledSources.annotated(
                List.of(dir.resolve("a"), dir.resolve("b"), dir.resolve("none"))))
        .containsExactly(simple, qualified)
        .inOrder();
  }
}
