package io.github.lineprof.report.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a report needs to know of a profiled function besides its numbers.
 *
 * <p>Lines of a block lambda, an anonymous class or a local class written inside the function are
 * <em>nested</em>: depth 1, or 2 for a lambda inside such a body, and so on; the function's own
 * lines have depth 0. The body's lines follow the line its lambda or class starts on, so a nested
 * line's <em>calling line</em>, whose time includes its own, is the nearest line before it of a
 * smaller depth. Nested lines keep their hits and times but are not added again into the function's
 * total.
 *
 * @param file the source path relative to its source root, e.g. {@code com/example/Parser.java}
 * @param name the function as the report names it, e.g. {@code Parser.parse}
 * @param firstLine the line of the method's first annotation (line_profiler counts decorators)
 * @param lines the source text of every line from {@code firstLine} to the closing brace
 * @param depths per line, its depth (0: top-level); empty: all top-level
 */
public record FunctionInfo(
    String file, String name, int firstLine, List<String> lines, List<Integer> depths)
    implements Serializable {

  public FunctionInfo {
    lines = List.copyOf(lines);
    depths = depths.isEmpty() ? Collections.nCopies(lines.size(), 0) : List.copyOf(depths);
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
    if (depths.size() != lines.size()) {
      throw new IllegalArgumentException(
          name + ": " + depths.size() + " depths for " + lines.size() + " lines");
    }
    for (int i = 0; i < depths.size(); i++) {
      if (depths.get(i) < 0 || (i == 0 && depths.get(i) != 0)) {
        throw new IllegalArgumentException(
            name
                + ": line "
                + (firstLine + i)
                + " has depth "
                + depths.get(i)
                + (i == 0 ? ", but a function's first line is its own" : ""));
      }
    }
  }

  /** A function whose lines are all top-level. */
  public FunctionInfo(String file, String name, int firstLine, List<String> lines) {
    this(file, name, firstLine, lines, List.of());
  }

  /** 0 for a top-level line, 1 for a line of a lambda or class inside the function, 2 ... */
  public int depth(int line) {
    return depths.get(line - firstLine);
  }

  /** Whether {@code line} is a line of a lambda or class inside the function. */
  public boolean nested(int line) {
    return depth(line) > 0;
  }

  /** Whether any line is nested. */
  public boolean hasNested() {
    return depths.stream().anyMatch(d -> d > 0);
  }

  /**
   * Per line, the line whose time includes its own: the nearest line before it of a smaller depth;
   * 0 for a top-level line.
   */
  public List<Integer> callers() {
    List<Integer> callers = new ArrayList<>(depths.size());
    for (int i = 0; i < depths.size(); i++) {
      int caller = i - 1;
      while (caller >= 0 && depths.get(caller) >= depths.get(i)) {
        caller = callers.get(caller) == 0 ? -1 : callers.get(caller) - firstLine;
      }
      callers.add(depths.get(i) == 0 || caller < 0 ? 0 : firstLine + caller);
    }
    return callers;
  }

  public int lastLine() {
    return firstLine + lines.size() - 1;
  }

  /** What identifies the function across runs and reports. */
  public Key key() {
    return new Key(file, name, firstLine);
  }

  /** Functions are the same function in two runs when file, name and first line agree. */
  boolean sameFunction(FunctionInfo other) {
    return key().equals(other.key());
  }

  /** File, name and first line: a hash key, so matching functions of two runs is linear. */
  public record Key(String file, String name, int firstLine) implements Serializable {}
}
