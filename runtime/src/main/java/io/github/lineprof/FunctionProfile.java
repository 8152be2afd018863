package io.github.lineprof;

import java.util.List;

/**
 * One profiled function of a run: the table line_profiler prints for it.
 *
 * @param file the source file, relative to its source root
 * @param name the function's name, e.g. {@code Simulation.simulate} or {@code Shape.<init>}
 * @param firstLine the line of the function's first annotation
 * @param totalNanos the function's Total time in nanoseconds: the sum of its top-level lines'
 * @param lines every line from {@code firstLine} to the closing brace, in order
 */
public record FunctionProfile(
    String file, String name, int firstLine, long totalNanos, List<ProfiledLine> lines) {
  public FunctionProfile {
    lines = List.copyOf(lines);
  }

  public int lastLine() {
    return firstLine + lines.size() - 1;
  }

  /**
   * The row of source line {@code number}.
   *
   * @throws IndexOutOfBoundsException if the line is not the function's
   */
  public ProfiledLine line(int number) {
    if (number < firstLine || number > lastLine()) {
      throw new IndexOutOfBoundsException(
          name + " has lines " + firstLine + " to " + lastLine() + ", not " + number);
    }
    return lines.get(number - firstLine);
  }

  /** The hits of all its lines. */
  public long totalHits() {
    return lines.stream().mapToLong(ProfiledLine::hits).sum();
  }
}
