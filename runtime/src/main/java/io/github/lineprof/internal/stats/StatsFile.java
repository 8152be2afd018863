package io.github.lineprof.internal.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A run's statistics saved for another JVM of the same lineprof to read back, e.g. a JMH fork's for
 * the JMH host. Java serialization, as JMH uses for its own results: the runtime reads no JSON (the
 * JSON reader, with its library, is in lineprof-cli). Only lineprof's statistics and the JDK types
 * they hold are accepted when reading.
 */
public final class StatsFile {
  private static final ObjectInputFilter ONLY_STATS = ObjectInputFilter.Config.createFilter(
      "maxdepth=20;io.github.lineprof.internal.stats.*;java.util.*;java.time.*;java.lang.*;[J;!*");

  /** What a file holds: the statistics and the runs that measured them. */
  public record Content(ProfileStats stats, List<RunInfo> runs) implements Serializable {
    public Content {
      runs = List.copyOf(runs);
    }
  }

  private StatsFile() {}

  public static void write(Path file, ProfileStats stats, List<RunInfo> runs) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream bytes = Files.newOutputStream(temp); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(new Content(stats, runs));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public static Content read(Path file) throws IOException {
    try (InputStream bytes = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(bytes)) {
      in.setObjectInputFilter(ONLY_STATS);
      return (Content) in.readObject();
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(file + ": not lineprof statistics of this version", e);
    }
  }
}
