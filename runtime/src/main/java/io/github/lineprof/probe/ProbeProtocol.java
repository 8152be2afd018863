package io.github.lineprof.probe;

/**
 * What an instrumented copy calls and how it names its probe state: the one definition that the
 * processor writes copies from and {@link FunctionProbe} implements (ProbeProtocolTest checks the
 * methods exist with these names). JDK only, so the processor can read it at compile time.
 *
 * <p>A frame of a profiled method, as the copy writes it ({@code P} is the method's probe constant
 * in its file's line table, {@code P_ENTRY} its entry line):
 *
 * <pre>{@code
 * final long[] $lp$c = P.counters(); int $lp$l = P_ENTRY; long $lp$t = P.enter($lp$c); try {
 *   $lp$t = P.line($lp$c, $lp$l, $lp$l = 22, $lp$t); ...   // line 22 starts; the line before ends
 * } finally { P.exit($lp$l, $lp$t); }
 * }</pre>
 *
 * Line numbers are the source file's own; the entry line is a line after the method's last, never
 * reported, that the frame is "on" before its first event. A nested frame (a block lambda's body, a
 * method, constructor or initializer of an anonymous or local class inside the method) calls the
 * {@code Nested} variants: its lines are charged too, but stay in the time of the line that calls
 * them, and a recursive invocation of the method inside it does not end the outer invocation's
 * line.
 */
public final class ProbeProtocol {
  /** The class of the probe constants, which the line tables register. */
  public static final String PROBE_CLASS = "io.github.lineprof.probe.FunctionProbe";

  /**
   * {@code static FunctionProbe register(String file, String name, int firstLine, String nesting,
   * String... text)}; {@code nesting} the nested lines' depths as {@link #nesting} writes them.
   */
  public static final String REGISTER = "register";

  /** {@code long[] counters()}: the thread's counters, once per frame. */
  public static final String COUNTERS = "counters";

  /** {@code long enter(long[] counters)}: the frame's initial state. */
  public static final String ENTER = "enter";

  /** {@code long line(long[] counters, int from, int to, long state)}: a line event. */
  public static final String LINE = "line";

  /**
   * {@code void exit(int from, long state)}: the frame ends. It takes no counters: a frame that
   * keeps them only until its last line event is smaller across a call, and a deep recursion goes
   * deeper.
   */
  public static final String EXIT = "exit";

  /** {@code long enterNested(long[] counters)}: a nested frame's initial state. */
  public static final String ENTER_NESTED = "enterNested";

  /**
   * {@code long lineNested(long[] counters, int from, int to, long state)}: a nested line event.
   */
  public static final String LINE_NESTED = "lineNested";

  /** {@code void exitNested(int from, long state)}: a nested frame ends. */
  public static final String EXIT_NESTED = "exitNested";

  /** The copy's locals of a frame; a nested frame (lambda, local class) appends its depth. */
  public static final String COUNTERS_LOCAL = "$lp$c";

  public static final String LINE_LOCAL = "$lp$l";
  public static final String STATE_LOCAL = "$lp$t";

  /** The line table's entry-line constant of probe {@code F0} is {@code F0_ENTRY}. */
  public static final String ENTRY_SUFFIX = "_ENTRY";

  private ProbeProtocol() {}

  /**
   * The depth of each nested line as the line table holds it (see {@code FunctionInfo}): runs of
   * consecutive lines of one depth, {@code first-last:depth}, comma-separated; empty when no line
   * is nested.
   *
   * @param depths per line from {@code firstLine}, 0 for the function's own lines
   */
  public static String nesting(int firstLine, int[] depths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depths.length; ) {
      int j = i;
      while (j + 1 < depths.length && depths[j + 1] == depths[i]) {
        j++;
      }
      if (depths[i] != 0) {
        out.append(out.length() == 0 ? "" : ",")
            .append(firstLine + i)
            .append('-')
            .append(firstLine + j)
            .append(':')
            .append(depths[i]);
      }
      i = j + 1;
    }
    return out.toString();
  }

  /** The depths of {@code lineCount} lines from {@code firstLine} that {@link #nesting} wrote. */
  public static int[] depths(int firstLine, int lineCount, String nesting) {
    int[] depths = new int[lineCount];
    if (nesting.isEmpty()) {
      return depths;
    }
    for (String run : nesting.split(",", -1)) {
      int dash = run.indexOf('-');
      int colon = run.indexOf(':');
      int first = Integer.parseInt(run.substring(0, dash));
      int last = Integer.parseInt(run.substring(dash + 1, colon));
      int depth = Integer.parseInt(run.substring(colon + 1));
      for (int line = first; line <= last; line++) {
        depths[line - firstLine] = depth;
      }
    }
    return depths;
  }

  /**
   * The line a frame starts from: the one after the function's last, {@code lineCount} lines from
   * its first.
   */
  public static int entryLine(int firstLine, int lineCount) {
    return firstLine + lineCount;
  }
}
