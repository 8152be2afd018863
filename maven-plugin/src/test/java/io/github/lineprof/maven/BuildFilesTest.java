package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFilesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void lombokConfigsOfEverySourceRootGoWhereTheCopiesAre() throws Exception {
    write("src/lombok.config", "root");
    write("src/p/lombok.config", "p");
    write("src/p/A.java", "class A {}");
    write("other/q/lombok.config", "q");
    Path copies = dir.resolve("copies");

    BuildFiles.copyLombokConfig(
        List.of(dir.resolve("src"), dir.resolve("other"), dir.resolve("missing")), copies);

    assertThat(Files.readString(copies.resolve("lombok.config"))).isEqualTo("root");
    assertThat(Files.readString(copies.resolve("p/lombok.config"))).isEqualTo("p");
    assertThat(Files.readString(copies.resolve("q/lombok.config"))).isEqualTo("q");
    assertThat(Files.exists(copies.resolve("p/A.java"))).isFalse();
  }

  @Test
  void moveIntoKeepsThePathsAndReplaces() throws Exception {
    write("from/p/A.class", "new");
    write("to/p/A.class", "old");
    write("to/p/B.class", "kept");

    BuildFiles.moveInto(dir.resolve("from"), dir.resolve("to"));

    assertThat(Files.readString(dir.resolve("to/p/A.class"))).isEqualTo("new");
    assertThat(Files.readString(dir.resolve("to/p/B.class"))).isEqualTo("kept");
    assertThat(Files.exists(dir.resolve("from/p/A.class"))).isFalse();
  }

  @Test
  void deleteTreeDeletesAllAndAMissingFolderIsNoError() throws Exception {
    write("tree/a/b/c.txt", "x");

    BuildFiles.deleteTree(dir.resolve("tree"));
    BuildFiles.deleteTree(dir.resolve("tree"));

    assertThat(Files.exists(dir.resolve("tree"))).isFalse();
  }
}
