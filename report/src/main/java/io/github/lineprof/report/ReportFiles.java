package io.github.lineprof.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes report files atomically: a reader sees the old file or the whole new one, never a part.
 * What is not a regular file is never replaced: a symbolic link is followed to its target, a device
 * or a pipe ({@code /dev/null}, a FIFO) is written into, as a shell's {@code >} would, and a
 * directory is refused.
 */
public final class ReportFiles {
  private ReportFiles() {}

  public static void write(Path path, String content) throws IOException {
    Path file = target(path);
    if (Files.isDirectory(file)) {
      throw new IOException(path + " is a directory");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: it makes the file -rw------- whatever the umask, and a report is
    // meant to be read by others (a CI server, a web server). CREATE_NEW applies the umask.
    Path temp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(
          temp,
          content,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** What {@code path} names once its symbolic links are followed, even to a file not there yet. */
  private static Path target(Path path) throws IOException {
    Path file = path.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(file); hops++) {
      if (hops == 40) { // the kernel's own limit (ELOOP)
        throw new IOException(path + ": too many levels of symbolic links");
      }
      file = file.resolveSibling(Files.readSymbolicLink(file)).normalize();
    }
    return file;
  }
}
