package io.github.lineprof.maven;

import io.github.lineprof.internal.swap.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Beside each compiled copy, the fingerprint of the original class it was built from, so the agent
 * and the harness never swap in a copy whose original changed since (an IDE rebuild, a {@code mvn
 * compile} without the instrument goal).
 */
final class Fingerprints {
  private Fingerprints() {}

  /**
   * For each {@code X.class} under {@code copies} whose original is at the same path under {@code
   * classes}, writes {@code X.class.sha256}.
   */
  static void write(Path copies, Path classes) throws MojoExecutionException {
    try (Stream<Path> walk = Files.walk(copies)) {
      List<Path> copyFiles =
          walk.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
      for (Path copy : copyFiles) {
        Path original = classes.resolve(copies.relativize(copy).toString());
        if (Files.isRegularFile(original)) {
          Files.writeString(
              copy.resolveSibling(copy.getFileName() + Layout.FINGERPRINT_SUFFIX),
              Layout.fingerprint(Files.readAllBytes(original)) + "\n");
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot fingerprint the originals of " + copies + ": " + e, e);
    }
  }
}
