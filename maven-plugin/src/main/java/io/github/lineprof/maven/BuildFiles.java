package io.github.lineprof.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/** The file moves of lineprof's goals, each failure a build error naming the file. */
final class BuildFiles {
  private BuildFiles() {}

  /** Stale copies of a previous build would be swapped in: every run starts afresh. */
  static void deleteTree(Path dir) throws MojoExecutionException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot delete " + dir + ": " + e, e);
    }
  }

  /** Moves every file under {@code from} to the same place under {@code to}. */
  static void moveInto(Path from, Path to) throws MojoExecutionException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot move " + from + " into " + to + ": " + e, e);
    }
  }

  static void mkdirs(Path... dirs) throws MojoExecutionException {
    try {
      for (Path dir : dirs) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: " + e, e);
    }
  }

  /**
   * Lombok reads lombok.config beside the sources and above them: each one under a source root goes
   * to the same place under {@code copies}.
   */
  static void copyLombokConfig(List<Path> sourceRoots, Path copies) throws MojoExecutionException {
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path config :
            walk.filter(p -> p.getFileName().toString().equals("lombok.config"))
                .collect(Collectors.toList())) {
          Path target = copies.resolve(root.relativize(config).toString());
          Files.createDirectories(target.getParent());
          Files.copy(config, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new MojoExecutionException("lineprof: cannot copy lombok.config files: " + e, e);
      }
    }
  }
}
