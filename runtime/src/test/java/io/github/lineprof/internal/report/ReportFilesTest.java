package io.github.lineprof.internal.report;

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
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));

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
}
