package io.github.lineprof.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lines of a profiled method are nested, as the planner meets them: the lines of a block
 * lambda's body or of an anonymous or local class's body, after the line it starts on, have the
 * depth of the frames around them (1 inside the method, 2 inside such a body, ...). A line that
 * holds a line event of a shallower frame (the {@code x++} of {@code }); x++;}) takes that frame's
 * depth: its hits are the shallower frame's.
 */
final class LineNesting {
  /** The lines after {@code open} through {@code close} are at least {@code depth} deep. */
  private record Body(long open, long close, int depth) {}

  private final List<Body> bodies = new ArrayList<>();
  private final Map<Long, Integer> eventDepths = new HashMap<>();

  /** A nested body that starts on line {@code open} and ends on line {@code close}. */
  void body(long open, long close, int depth) {
    if (close > open) {
      bodies.add(new Body(open, close, depth));
    }
  }

  /** A line event on {@code line} in a frame of {@code depth} (0: the method's own). */
  void event(long line, int depth) {
    eventDepths.merge(line, depth, Math::min);
  }

  /** The depth of each line from {@code firstLine} through {@code lastLine}. */
  int[] depths(long firstLine, long lastLine) {
    int[] depths = new int[Math.toIntExact(lastLine - firstLine + 1)];
    for (Body b : bodies) {
      for (long line = Math.max(b.open() + 1, firstLine);
          line <= Math.min(b.close(), lastLine);
          line++) {
        int i = (int) (line - firstLine);
        depths[i] = Math.max(depths[i], b.depth());
      }
    }
    eventDepths.forEach(
        (line, depth) -> {
          if (line >= firstLine && line <= lastLine) {
            int i = (int) (line - firstLine);
            depths[i] = Math.min(depths[i], depth);
          }
        });
    return depths;
  }
}
