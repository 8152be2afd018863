package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir Path dir;

  @Test
  void reportsGetTheUmasksPermissionsLikeAnyNewFile() throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> usual =
        Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));

    ReportFiles.write(dir.resolve("out/report.txt"), "new");

    assertThat(Files.getPosixFilePermissions(dir.resolve("out/report.txt"))).isEqualTo(usual);
  }

  @Test
  void replacesAnOldReportWholeAndLeavesNoTemporaryFile() throws Exception {
    Path report = dir.resolve("report.json");
    Files.writeString(report, "old, and longer than the new one");

    ReportFiles.write(report, "new");

    assertThat(Files.readString(report)).isEqualTo("new");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(report);
    }
  }

  @Test
  void writesThroughASymbolicLinkAndLeavesTheLink() throws Exception {
    Path target = dir.resolve("real/report.json");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/report.json"));

    ReportFiles.write(link, "new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("new");
  }

  @Test
  void writesIntoAPipeInsteadOfReplacingIt() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isEqualTo(0);
    var read =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    ReportFiles.write(fifo, "through the pipe");

    assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe");
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(
            Files.readAttributes(
                    fifo,
                    java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .isOther())
        .isTrue();
  }

  @Test
  void refusesADirectory() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("report.json"));

    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> ReportFiles.write(directory, "new"));

    assertThat(e).hasMessageThat().isEqualTo(directory + " is a directory");
    assertThat(Files.isDirectory(directory)).isTrue();
  }
}
