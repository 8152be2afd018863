package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineprofJarTest {
  @TempDir Path dir;

  private static final long TIME = 1_700_000_000_000L;

  private Path jar(String name, List<String> entries) throws Exception {
    Path jar = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        ZipEntry e = new ZipEntry(entry);
        e.setTime(TIME);
        out.putNextEntry(e);
        if (!entry.endsWith("/")) {
          out.write(entry.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Map<String, String> contents(Path jar) throws Exception {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Map<String, String> contents = new LinkedHashMap<>();
      for (ZipEntry e : Collections.list(zip.entries())) {
        assertThat(e.getTime()).isEqualTo(TIME);
        contents.put(
            e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
      return contents;
    }
  }

  @Test
  void theCopiesTheirSourcesAndLineTablesMoveToTheLineprofJar() throws Exception {
    Path jar =
        jar(
            "app.jar",
            List.of(
                "META-INF/MANIFEST.MF",
                "p/",
                "p/Walk.class",
                "p/Walk$1.class",
                "p/LineProf_Walk.class",
                "p/LineProf_Walk$T1.class",
                "p/LineProf_Mine.class",
                "META-INF/lineprof/",
                "META-INF/lineprof/src/p/Walk.java",
                "META-INF/lineprof/classes/p/Walk.class",
                "META-INF/lineprof/classes/p/Walk.class.sha256",
                "META-INF/lineprof/instrumented/p/Walk.txt"));
    Path lineprof = dir.resolve("app-lineprof.jar");

    int moved = LineprofJar.split(jar, lineprof);

    assertThat(moved).isEqualTo(7);
    Map<String, String> own = contents(jar);
    assertThat(own.keySet())
        .containsExactly(
            "META-INF/MANIFEST.MF", "p/", "p/Walk.class", "p/Walk$1.class", "p/LineProf_Mine.class")
        .inOrder();
    assertThat(own.get("p/Walk.class")).isEqualTo("p/Walk.class");
    assertThat(contents(lineprof).keySet())
        .containsExactly(
            "p/LineProf_Walk.class",
            "p/LineProf_Walk$T1.class",
            "META-INF/lineprof/",
            "META-INF/lineprof/src/p/Walk.java",
            "META-INF/lineprof/classes/p/Walk.class",
            "META-INF/lineprof/classes/p/Walk.class.sha256",
            "META-INF/lineprof/instrumented/p/Walk.txt")
        .inOrder();
    assertThat(contents(lineprof).get("META-INF/lineprof/classes/p/Walk.class"))
        .isEqualTo("META-INF/lineprof/classes/p/Walk.class");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .containsExactly("app.jar", "app-lineprof.jar");
    }
  }

  @Test
  void aJarWithoutLineprofsFilesIsLeftAsItIs() throws Exception {
    Path jar = jar("app.jar", List.of("META-INF/MANIFEST.MF", "p/Walk.class"));
    byte[] before = Files.readAllBytes(jar);

    assertThat(LineprofJar.split(jar, dir.resolve("app-lineprof.jar"))).isEqualTo(0);

    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    assertThat(Files.exists(dir.resolve("app-lineprof.jar"))).isFalse();
  }
}
