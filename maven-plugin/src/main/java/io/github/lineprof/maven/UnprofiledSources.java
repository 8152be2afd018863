package io.github.lineprof.maven;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Sources that carry {@code @LineProfile} where the instrument goal never looks (test sources,
 * another processor's generated sources), so the build can say they are not profiled.
 */
final class UnprofiledSources {
  /** The annotation, simple or qualified name. */
  private static final Pattern ANNOTATION =
      Pattern.compile("@\\s*(io\\s*\\.\\s*github\\s*\\.\\s*lineprof\\s*\\.\\s*)?LineProfile\\b");

  private UnprofiledSources() {}

  /** The {@code .java} files under {@code roots} that use {@code @LineProfile}, sorted. */
  static List<Path> annotated(List<Path> roots) throws MojoExecutionException {
    List<Path> found = new ArrayList<>();
    for (Path root : roots) {
      for (Path source : Javac.javaFiles(root)) {
        try {
          if (ANNOTATION.matcher(Files.readString(source, StandardCharsets.UTF_8)).find()) {
            found.add(source);
          }
        } catch (MalformedInputException e) {
          // not UTF-8: the module's encoding, which javac reports on
        } catch (IOException e) {
          throw new MojoExecutionException("lineprof: cannot read " + source + ": " + e, e);
        }
      }
    }
    return found;
  }
}
