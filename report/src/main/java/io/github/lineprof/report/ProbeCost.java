package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the instrumented copy's probes cost per line event, in exact and sampled mode: the one
 * measure of how much of a line's time may be the probes'. A line cheaper per hit than one probe
 * event is named unreliable under the tables, and {@code lineprof diff} counts the probes' cost of
 * a line's events as noise ({@link Noise}): the JIT compiles the probes differently from run to run
 * (inlined or not, before or after a compilation, unlike the calibration's loop), so that part of
 * the time varies from one identical run to the next.
 */
public final class ProbeCost {
  /** Below this a line's time per hit is within a clock read's noise, whatever the probe costs. */
  private static final double FEW_NANOS = 5;

  /**
   * How many times its calibrated cost a probe event may cost in the compiled program: the
   * calibration keeps the best of many rounds of a loop of its own, and the JIT compiles the probes
   * of each method, and of each run, differently. In 24 of 28 identical pairs of exact-mode runs of
   * AgentRunsDiffIT's program, on a 2-core machine at a load of 6 to 12, 3.9 times covered every
   * line of a few probes' cost per hit; in the other 4 such lines moved by 5 to 15 times (once 99).
   */
  static final double IN_CONTEXT = 4;

  /** How many functions the note on unreliable lines names before it only counts the rest. */
  private static final int NAMED = 10;

  private final double perEvent;
  private final List<FunctionStats> functions;
  private final CallLinks links;
  private final Map<FunctionInfo.Key, Integer> index = new HashMap<>();
  private final Map<Integer, long[]> events = new HashMap<>();

  private ProbeCost(double perEvent, List<FunctionStats> functions) {
    this.perEvent = perEvent;
    this.functions = functions;
    this.links = new CallLinks(functions.stream().map(f -> f.info().name()).toList());
    for (int i = 0; i < functions.size(); i++) {
      index.put(functions.get(i).info().key(), i);
    }
  }

  /**
   * A run's cost per line event, from the probes' calibrated cost ({@code 0} when calibration is
   * off): at least a few nanoseconds, what a clock read's noise leaves unmeasured.
   */
  public static double perEvent(double calibratedNanos) {
    return Math.max(FEW_NANOS, calibratedNanos);
  }

  /**
   * What a line event costs, as a note says it: the calibrated cost, or, where calibration measured
   * nothing, that it was too little to measure (a probe never costs 0).
   */
  public static String perEventText(double calibratedNanos) {
    return calibratedNanos < 0.05 // would print as 0.0
        ? "less per line event than calibration can measure"
        : String.format(Locale.ROOT, "%.1f ns per line event", calibratedNanos);
  }

  /** The probes' cost in a report's times: the largest its runs state; 0 when none states one. */
  static ProbeCost of(ProfileStats stats, List<RunInfo> runs) {
    double perEvent = runs.stream().mapToDouble(r -> r.sources().probeNanos()).max().orElse(0);
    return new ProbeCost(perEvent, stats.functions());
  }

  /** The report's cost per line event; 0 where its times are not the copy's (original mode). */
  double perEvent() {
    return perEvent;
  }

  /**
   * What the probes may account for in a line's time: its line events (its hits, those of the lines
   * nested under it and, through the profiled functions its text calls, theirs) times what an event
   * may cost in context ({@link #IN_CONTEXT} times the calibrated cost), and no more than the whole
   * time. A called function may also be called elsewhere: all of its events count, a bound. A line
   * that cheap per hit may so be probes all through.
   */
  long lineNanos(FunctionStats f, int line) {
    if (perEvent == 0) {
      return 0;
    }
    long events = events(indexOf(f))[line - f.info().firstLine()];
    return Math.min(f.nanos(line), Math.round(IN_CONTEXT * perEvent * events));
  }

  /** The same for a function's total: its top-level lines'. */
  long totalNanos(FunctionStats f) {
    long total = 0;
    for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
      total += f.info().nested(line) ? 0 : lineNanos(f, line);
    }
    return total;
  }

  private int indexOf(FunctionStats f) {
    return index.get(f.info().key());
  }

  private long totalEvents(int i) {
    FunctionInfo info = functions.get(i).info();
    long[] events = events(i);
    long total = 0;
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      total += info.nested(line) ? 0 : events[line - info.firstLine()];
    }
    return total;
  }

  /**
   * Each line's probe events; a function met again in a cycle of calls counts none the 2nd time.
   */
  private long[] events(int i) {
    long[] known = events.get(i);
    if (known != null) {
      return known;
    }
    FunctionStats f = functions.get(i);
    FunctionInfo info = f.info();
    long[] lines = new long[info.lines().size()];
    events.put(i, lines); // all zeros while under way
    long[] counted = new long[lines.length];
    List<Integer> callers = info.callers();
    // a nested line's caller comes before it: from the last line up, each adds into its caller
    for (int at = lines.length - 1; at >= 0; at--) {
      int line = info.firstLine() + at;
      if (f.hits(line) > 0) {
        counted[at] += f.hits(line);
        for (CallLinks.Span span : links.spans(info.lines().get(at), i)) {
          counted[at] += span.linked() ? totalEvents(span.target()) : 0;
        }
      }
      if (callers.get(at) > 0) {
        counted[callers.get(at) - info.firstLine()] += counted[at];
      }
    }
    System.arraycopy(counted, 0, lines, 0, lines.length);
    return lines;
  }

  /**
   * The lines whose time per hit is below what a probe event costs: there the probes, and how they
   * change the code the JIT makes, weigh more than the line, so its time says little. Named per
   * function, runs of lines as ranges: {@code Simulation.step lines 24-26 (...)}.
   */
  public static List<String> unreliableLines(ProfileStats stats, double perEvent) {
    String why =
        String.format(
            Locale.ROOT,
            " (time per hit below %.1f ns, what a probe may cost: the original mode"
                + " of the harness or the JMH profiler times them on the untouched code)",
            perEvent);
    List<String> named = new ArrayList<>();
    int functions = 0;
    for (FunctionStats f : stats.functions()) {
      List<String> ranges = new ArrayList<>();
      int start = -1;
      for (int line = f.info().firstLine(); line <= f.info().lastLine() + 1; line++) {
        boolean flagged =
            line <= f.info().lastLine()
                && f.hits(line) > 0
                && f.nanos(line) < perEvent * f.hits(line);
        if (flagged && start < 0) {
          start = line;
        } else if (!flagged && start >= 0) {
          ranges.add(start == line - 1 ? String.valueOf(start) : start + "-" + (line - 1));
          start = -1;
        }
      }
      if (!ranges.isEmpty() && functions++ < NAMED) {
        named.add(
            f.info().name()
                + (ranges.size() == 1 && !ranges.get(0).contains("-") ? " line " : " lines ")
                + String.join(", ", ranges)
                + why);
      }
    }
    if (functions > NAMED) {
      named.add("lines of " + (functions - NAMED) + " more functions");
    }
    return named;
  }
}
