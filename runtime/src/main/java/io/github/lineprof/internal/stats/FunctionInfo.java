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
public record FunctionInfo(String file, String name, int firstLine, List<String> lines) implements Serializable {

  public FunctionInfo {
    lines = List.copyOf(lines);
  }

  public int lastLine() {
    return firstLine + lines.size() - 1;
  }

  /** Functions are the same function in two runs when file, name and first line agree. */
  public boolean sameFunction(FunctionInfo other) {
    return file.equals(other.file) && name.equals(other.name) && firstLine == other.firstLine;
  }
}
