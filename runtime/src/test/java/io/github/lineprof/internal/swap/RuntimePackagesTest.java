package io.github.lineprof.internal.swap;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.LineProfile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The swap's rule for lineprof's own classes covers every class the runtime has, and no user's. */
class RuntimePackagesTest {
  @Test
  void everyRuntimeClassIsShared() throws IOException, URISyntaxException {
    Path classes =
        Path.of(LineProfile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(
                  f ->
                      classes
                          .relativize(f)
                          .toString()
                          .replace('/', '.')
                          .replaceFirst("\\.class$", ""))
              .filter(name -> name.startsWith("io.github.lineprof"))
              .toList();
    }
    assertThat(names).isNotEmpty();
    assertThat(names.stream().filter(name -> !Swap.isShared(name)).toList()).isEmpty();
  }

  @Test
  void userClassesBesideLineprofAreSwapped() {
    assertThat(Swap.isShared("io.github.lineprof.demo.Simulation")).isFalse();
    assertThat(Swap.isShared("io.github.lineprofx.Probe")).isFalse();
    assertThat(Swap.isShared("com.example.Parser")).isFalse();
  }
}
