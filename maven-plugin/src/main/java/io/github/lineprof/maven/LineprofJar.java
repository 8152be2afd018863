package io.github.lineprof.maven;

import io.github.lineprof.internal.swap.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Splits a module's jar in two: the module's own files, and lineprof's (the instrumented copies,
 * their sources, the lists of instrumented methods and the line tables), so the artifact a user
 * ships is what the module's compile made.
 */
final class LineprofJar {
  private LineprofJar() {}

  /**
   * Moves lineprof's entries of {@code jar} into a new jar {@code lineprofJar}; {@code jar} is
   * replaced atomically, its other entries kept in order with their times. A jar without lineprof's
   * files is left as it is and no {@code lineprofJar} is written.
   *
   * @return how many entries moved
   */
  static int split(Path jar, Path lineprofJar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(zip.entries());
      Set<String> copySources =
          entries.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.startsWith(Layout.COPY_SOURCES))
              .collect(Collectors.toSet());
      List<ZipEntry> own = new ArrayList<>();
      List<ZipEntry> lineprof = new ArrayList<>();
      for (ZipEntry entry : entries) {
        (isLineprofs(entry.getName(), copySources) ? lineprof : own).add(entry);
      }
      if (lineprof.isEmpty()) {
        return 0;
      }
      Path tmp =
          Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName() + ".", ".tmp");
      try {
        write(zip, own, tmp);
        write(zip, lineprof, lineprofJar);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return lineprof.size();
    }
  }

  /** lineprof's folder, and the line tables of the files it holds copies of. */
  static boolean isLineprofs(String name, Set<String> copySources) {
    return name.startsWith(Layout.ROOT) || copySources.contains(Layout.copySourceOfLineTable(name));
  }

  private static void write(ZipFile zip, List<ZipEntry> entries, Path target) throws IOException {
    try (OutputStream file = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (ZipEntry entry : entries) {
        ZipEntry copy = new ZipEntry(entry);
        copy.setCompressedSize(-1); // recompressed: the size may differ from the original's
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
