package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.util.List;

/**
 * What a report needs to know of a profiled function besides its numbers.
 *
 * @param file the source path relative to its source root, e.g. {@code com/example/Parser.java}
 * @param name the function as the report names it, e.g. {@code Parser.parse}
 * @param firstLine the line of the method's first annotation (line_profiler counts decorators)
 * @param lines the source text of every line from {@code firstLine} to the closing brace
 */
public record FunctionInfo(String file, String name, int firstLine, List<String> lines)
    implements Serializable {

  public FunctionInfo {
    lines = List.copyOf(lines);
    // Every line number of the function must be an int: a report read from disk may claim
    // otherwise.
    if ((long) firstLine + lines.size() - 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name
              + ": "
              + lines.size()
              + " lines from line "
              + firstLine
              + " go beyond the largest line number");
    }
  }

  public int lastLine() {
    return firstLine + lines.size() - 1;
  }

  /** What identifies the function across runs and reports. */
  public Key key() {
    return new Key(file, name, firstLine);
  }

  /** Functions are the same function in two runs when file, name and first line agree. */
  public boolean sameFunction(FunctionInfo other) {
    return key().equals(other.key());
  }

  /** File, name and first line: a hash key, so matching functions of two runs is linear. */
  public record Key(String file, String name, int firstLine) implements Serializable {}
}
