package io.github.lineprof.probe;

import io.github.lineprof.report.stats.FunctionInfo;
import java.util.Arrays;
import java.util.List;

/**
 * The probes of one profiled function, called from its instrumented copy as {@link ProbeProtocol}
 * says: an invocation fetches its thread's counters at entry ({@link #counters()}) and keeps its
 * own state in two locals of the copy, the number of the line now running (the source file's own
 * numbering) and a {@code long} the probes own. Each line event ({@link #line}) counts a hit for
 * the line that starts; {@link #exit} ends the invocation, normally or by exception, and fetches
 * the same counters again (so the copy's frame need not keep them across a call). A nested frame
 * (the body of a block lambda, or a method of an anonymous or local class, written inside the
 * function) calls {@link #enterNested}, {@link #lineNested} and {@link #exitNested} instead. How
 * the probes count and time is {@code CounterProbe}'s, the one implementation.
 */
public sealed interface FunctionProbe permits CounterProbe {
  /**
   * Called once per function by the generated line table of its source file.
   *
   * @param nesting the depth of each nested line, see {@link ProbeProtocol#nesting}
   * @param text the function's lines joined by '\n', in chunks that fit a class file constant
   */
  static FunctionProbe register(
      String file, String name, int firstLine, String nesting, String... text) {
    List<String> lines = List.of(String.join("", text).split("\n", -1));
    List<Integer> depths =
        Arrays.stream(ProbeProtocol.depths(firstLine, lines.size(), nesting)).boxed().toList();
    CounterProbe probe =
        CounterProbe.of(
            new FunctionInfo(file, name, firstLine, lines, depths),
            Calibration.eventDebt(),
            Calibration.callDebt());
    ProbeRegistry.add(probe);
    if (CounterProbe.SAMPLED) {
      Sampler.start();
    }
    return probe;
  }

  /** The line an invocation starts from: the line table's entry constant of this function. */
  int entry();

  /** This thread's counters; called once per invocation. */
  long[] counters();

  /** An invocation starts: its mark (exact), or what the thread showed before (sampled). */
  long enter(long[] c);

  /**
   * Line event: the line {@code from} has run; the line {@code to} starts now (source line
   * numbers).
   */
  long line(long[] c, int from, int to, long state);

  /** The invocation ends, normally or by exception, after line {@code from}. */
  void exit(int from, long state);

  /** A nested frame starts: its mark (exact), or the nested line shown before (sampled). */
  long enterNested(long[] c);

  /** Line event of a nested frame: charges {@code from}, leaves the calling line its time. */
  long lineNested(long[] c, int from, int to, long state);

  /** A nested frame ends, normally or by exception, after line {@code from}. */
  void exitNested(int from, long state);
}
