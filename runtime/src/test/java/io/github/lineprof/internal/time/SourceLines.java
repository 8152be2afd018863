package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real line numbers of {@link TimeWorkloads}, found by the marker comments in its source. */
final class SourceLines {
  static final String FILE = "io/github/lineprof/internal/time/TimeWorkloads.java";
  private static final List<String> LINES = read();

  private SourceLines() {}

  /** The line ending in {@code // marker}. */
  static int line(String marker) {
    for (int i = 0; i < LINES.size(); i++) {
      if (LINES.get(i).endsWith("// " + marker)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no line marked " + marker);
  }

  /**
   * The function between {@code begin:method} and {@code end:method}, as the processor would
   * describe it.
   */
  static FunctionInfo function(String method) {
    return function(method, line("begin:" + method), line("end:" + method));
  }

  /** Lines {@code first} to {@code last} as if they were function {@code TimeWorkloads.method}. */
  static FunctionInfo function(String method, int first, int last) {
    return new FunctionInfo(FILE, "TimeWorkloads." + method, first, LINES.subList(first - 1, last));
  }

  private static List<String> read() {
    try {
      // Surefire runs in the module's directory.
      return Files.readAllLines(Path.of("src/test/java").resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
