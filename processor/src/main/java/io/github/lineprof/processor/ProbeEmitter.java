package io.github.lineprof.processor;

import static io.github.lineprof.probe.ProbeProtocol.COUNTERS;
import static io.github.lineprof.probe.ProbeProtocol.COUNTERS_LOCAL;
import static io.github.lineprof.probe.ProbeProtocol.ENTER;
import static io.github.lineprof.probe.ProbeProtocol.ENTER_NESTED;
import static io.github.lineprof.probe.ProbeProtocol.EXIT;
import static io.github.lineprof.probe.ProbeProtocol.EXIT_NESTED;
import static io.github.lineprof.probe.ProbeProtocol.LINE;
import static io.github.lineprof.probe.ProbeProtocol.LINE_LOCAL;
import static io.github.lineprof.probe.ProbeProtocol.LINE_NESTED;
import static io.github.lineprof.probe.ProbeProtocol.STATE_LOCAL;

import io.github.lineprof.probe.ProbeProtocol;

/**
 * The text of every probe the copies hold, written as {@link ProbeProtocol} defines it: a frame's
 * opening and closing, a line event, the wrapper that counts a condition. The planner decides where
 * each goes; Calibration's loops are this text too (CalibrationLoopsTest).
 *
 * <p>{@code frame} is the suffix of a frame's locals: empty for the profiled method's own, its
 * depth for a nested one (a lambda may neither redeclare nor assign the locals of the frame around
 * it), whose probes are the {@code Nested} calls of {@link ProbeProtocol}.
 */
final class ProbeEmitter {
  /** The wrapped condition follows this; {@link #CONDITION_END} closes it. */
  static final String CONDITION_END = "; }";

  private final String probe;
  private final String entry;

  /**
   * @param probe the probe constant, e.g. {@code LineProf_A.F0}; its entry line is {@code
   *     LineProf_A.F0_ENTRY}
   */
  ProbeEmitter(String probe) {
    this.probe = probe;
    this.entry = probe + ProbeProtocol.ENTRY_SUFFIX;
  }

  /**
   * Opens a frame at the start of a body: its locals, and the try that {@link #closeFrame} ends.
   */
  String openFrame(String frame) {
    String c = COUNTERS_LOCAL + frame;
    return "final long[] "
        + c
        + " = "
        + probe
        + "."
        + COUNTERS
        + "(); int "
        + LINE_LOCAL
        + frame
        + " = "
        + entry
        + "; long "
        + STATE_LOCAL
        + frame
        + " = "
        + probe
        + "."
        + (nested(frame) ? ENTER_NESTED : ENTER)
        + "("
        + c
        + "); try {";
  }

  /** Ends a frame, normally or by exception: charges the line that ran last. */
  String closeFrame(String frame) {
    return "} finally { "
        + probe
        + "."
        + (nested(frame) ? EXIT_NESTED : EXIT)
        + "("
        + LINE_LOCAL
        + frame
        + ", "
        + STATE_LOCAL
        + frame
        + "); }";
  }

  /** A line event, an expression: line {@code line} (the file's numbering) starts now. */
  String event(String frame, long line) {
    String l = LINE_LOCAL + frame;
    String t = STATE_LOCAL + frame;
    return t
        + " = "
        + probe
        + "."
        + (nested(frame) ? LINE_NESTED : LINE)
        + "("
        + COUNTERS_LOCAL
        + frame
        + ", "
        + l
        + ", "
        + l
        + " = "
        + line
        + ", "
        + t
        + ")";
  }

  /**
   * Whether the frame of suffix {@code frame} is a lambda's or a local class's, not the method's.
   */
  private static boolean nested(String frame) {
    return !frame.isEmpty();
  }

  /**
   * Opens the wrapper of a condition (or a resource's initializer) that counts {@code line} each
   * time it is evaluated: the event is the selector of a switch whose only arm is the condition, so
   * javac sees the condition itself for definite assignment.
   */
  String openCondition(String frame, long line) {
    return "switch ((int) (" + event(frame, line) + ")) { default -> ";
  }

  /**
   * Comment lines for the end of a copy, each ended by {@code newline}, to go after its last line
   * so that no line moves: what a probe does, with {@code probe} as the example constant.
   */
  static String explanation(String probe, String newline) {
    String[] lines = {
      "// lineprof: an instrumented copy; every line keeps its number in the original.",
      "// " + new ProbeEmitter(probe).event("", 22) + " counts a hit of line 22",
      "// and charges the time since "
          + STATE_LOCAL
          + " to the line that ran before, "
          + LINE_LOCAL
          + ";"
          + " "
          + COUNTERS_LOCAL
          + " holds this thread's",
      "// counters, "
          + probe
          + " is the method's probe in its line table, "
          + probe
          + ProbeProtocol.ENTRY_SUFFIX
          + " the line a call starts",
      "// from (after the method's last). Locals ending in a digit belong to a lambda or local class inside.",
      "// A loop condition is counted at each evaluation as switch ((int) (<event>)) { default -> <condition>; }:",
      "// the switch's only arm is the condition itself, so javac's definite-assignment rules see it unchanged.",
    };
    return String.join(newline, lines) + newline;
  }
}
