package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavacTest {
  @TempDir Path dir;

  private List<String> classesIn(Path out) throws Exception {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> out.relativize(p).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void onlyTheCopiesOwnClassesAreKeptNotWhatOtherProcessorsGenerate() throws Exception {
    Path copies = dir.resolve("copies");
    Path out = dir.resolve("out");
    Files.createDirectories(copies.resolve("p"));
    Files.createDirectories(out);
    Files.createDirectories(dir.resolve("generated"));
    Path clock =
        Files.writeString(
            copies.resolve("p/Clock.java"),
            "package p; public class Clock { long read() { Runnable r = () -> {}; return"
                + " Stamp.STAMP; } static class Inner { Object o = new Object() {}; } }"
                + " class Other {}");
    String processorPath =
        Path.of(StampProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();

    List<Path> compiled =
        new Javac(new SystemStreamLog())
            .compileCopies(
                List.of(
                    "-processor",
                    StampProcessor.class.getName(),
                    "-processorpath",
                    processorPath,
                    "-sourcepath",
                    copies.toString(),
                    "-d",
                    out.toString(),
                    "-s",
                    dir.resolve("generated").toString()),
                List.of(clock),
                out);

    assertThat(compiled).containsExactly(clock);
    assertThat(classesIn(out))
        .containsExactly(
            "p/Clock$Inner$1.class", "p/Clock$Inner.class", "p/Clock.class", "p/Other.class");
  }
}
