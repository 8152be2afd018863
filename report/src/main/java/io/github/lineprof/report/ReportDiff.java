package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs of the same code side by side ({@code lineprof diff}): functions matched by file and
 * name (their first line may move when the code above them changes), their lines matched by text
 * with Myers' diff, so inserted and deleted lines show as such, largest changes first. Each time
 * change is judged against the runs' own noise by {@link Noise}.
 */
public final class ReportDiff {
  /** How a line of the diff relates the two runs. */
  enum Kind {
    /** The same text in both runs. */
    SAME,
    /** Only in the after run. */
    INSERTED,
    /** Only in the before run. */
    DELETED
  }

  /**
   * One line of a function in either run or both.
   *
   * @param beforeLine its number in the before run; 0 when inserted
   * @param afterLine its number in the after run; 0 when deleted
   * @param source its text, from the after run where it is in both
   * @param before its numbers in the before run; {@link Numbers#NONE} when inserted
   * @param after its numbers in the after run; {@link Numbers#NONE} when deleted
   * @param noise whether the change of time is within the runs' noise
   */
  record LineDiff(
      Kind kind,
      int beforeLine,
      int afterLine,
      String source,
      Numbers before,
      Numbers after,
      boolean noise) {
    long change() {
      return after.nanos() - before.nanos();
    }

    /** Whether a line that never ran in either run and kept its place: a brace or a declaration. */
    boolean idle() {
      return kind == Kind.SAME && before.hits() == 0 && after.hits() == 0;
    }
  }

  /**
   * A line's or a function's hits and time in one run, the samples its time came from (-1: none),
   * and how much of the time its probes' events may be ({@link ProbeCost}; 0 in original mode).
   */
  record Numbers(long hits, long nanos, long samples, long probeNanos) {
    static final Numbers NONE = new Numbers(0, 0, -1, 0);
  }

  /**
   * One function in either run or both.
   *
   * @param before the function in the before run, or null when only in the after run
   * @param after the function in the after run, or null when only in the before run
   * @param lines its lines in diff order; empty for a function of one run only
   * @param noise whether the change of its total time is within the runs' noise
   */
  record FunctionDiff(
      FunctionStats before,
      FunctionStats after,
      Numbers beforeTotal,
      Numbers afterTotal,
      List<LineDiff> lines,
      boolean noise) {
    FunctionInfo info() {
      return after != null ? after.info() : before.info();
    }

    long change() {
      return afterTotal.nanos() - beforeTotal.nanos();
    }

    /** {@code file:first line}, both first lines when the function moved. */
    String location() {
      if (before == null
          || after == null
          || before.info().firstLine() == after.info().firstLine()) {
        return info().file() + ":" + info().firstLine();
      }
      return info().file() + ":" + before.info().firstLine() + " -> " + after.info().firstLine();
    }
  }

  private final List<FunctionDiff> functions;
  private final Noise noise;

  private ReportDiff(List<FunctionDiff> functions, Noise noise) {
    this.functions = List.copyOf(functions);
    this.noise = noise;
  }

  /** Every function of either report, the largest change of total time first. */
  List<FunctionDiff> functions() {
    return functions;
  }

  Noise noise() {
    return noise;
  }

  public static ReportDiff of(JsonReportReader.Report before, JsonReportReader.Report after) {
    Noise noise = Noise.of(before, after);
    Map<List<String>, List<FunctionStats>> unmatched = new LinkedHashMap<>();
    for (FunctionStats f : after.stats().functions()) {
      unmatched.computeIfAbsent(fileAndName(f), k -> new ArrayList<>()).add(f);
    }
    List<FunctionDiff> diffs = new ArrayList<>();
    for (FunctionStats b : before.stats().functions()) {
      FunctionStats a = takeMatch(unmatched.get(fileAndName(b)), b.info().firstLine());
      diffs.add(a == null ? onlyIn(b, null, noise) : function(b, a, noise));
    }
    unmatched.values().forEach(rest -> rest.forEach(a -> diffs.add(onlyIn(null, a, noise))));
    diffs.sort(
        Comparator.comparingLong((FunctionDiff f) -> Math.abs(f.change()))
            .reversed()
            .thenComparing(f -> f.info().name()));
    return new ReportDiff(diffs, noise);
  }

  private static List<String> fileAndName(FunctionStats f) {
    return List.of(f.info().file(), f.info().name());
  }

  /** Overloads share a file and name: the one at the same first line, else the first left. */
  private static FunctionStats takeMatch(List<FunctionStats> candidates, int firstLine) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    for (Iterator<FunctionStats> it = candidates.iterator(); it.hasNext(); ) {
      FunctionStats candidate = it.next();
      if (candidate.info().firstLine() == firstLine) {
        it.remove();
        return candidate;
      }
    }
    return candidates.remove(0);
  }

  private static FunctionDiff onlyIn(FunctionStats before, FunctionStats after, Noise noise) {
    Numbers b = before == null ? Numbers.NONE : total(before, noise.beforeProbes());
    Numbers a = after == null ? Numbers.NONE : total(after, noise.afterProbes());
    return new FunctionDiff(before, after, b, a, List.of(), noise.withinTotal(b, a));
  }

  private static FunctionDiff function(FunctionStats before, FunctionStats after, Noise noise) {
    // Indentation may change without the statement changing.
    List<String> beforeText = before.info().lines().stream().map(String::strip).toList();
    List<String> afterText = after.info().lines().stream().map(String::strip).toList();
    Numbers beforeTotal = total(before, noise.beforeProbes());
    Numbers afterTotal = total(after, noise.afterProbes());
    long functionNanos = Math.max(beforeTotal.nanos(), afterTotal.nanos());
    List<LineDiff> lines = new ArrayList<>();
    for (LineMatching.Run run : LineMatching.runs(beforeText, afterText)) {
      if (run.same()) {
        for (int i = 0; i < run.deleted(); i++) {
          int b = before.info().firstLine() + run.from() + i;
          int a = after.info().firstLine() + run.to() + i;
          Numbers nb = numbers(before, b, noise.beforeProbes());
          Numbers na = numbers(after, a, noise.afterProbes());
          lines.add(
              new LineDiff(
                  Kind.SAME,
                  b,
                  a,
                  text(after, a),
                  nb,
                  na,
                  noise.withinLine(nb, na, functionNanos)));
        }
        continue;
      }
      for (int i = 0; i < run.deleted(); i++) {
        int b = before.info().firstLine() + run.from() + i;
        Numbers nb = numbers(before, b, noise.beforeProbes());
        lines.add(
            new LineDiff(
                Kind.DELETED,
                b,
                0,
                text(before, b),
                nb,
                Numbers.NONE,
                noise.withinLine(nb, Numbers.NONE, functionNanos)));
      }
      for (int i = 0; i < run.inserted(); i++) {
        int a = after.info().firstLine() + run.to() + i;
        Numbers na = numbers(after, a, noise.afterProbes());
        lines.add(
            new LineDiff(
                Kind.INSERTED,
                0,
                a,
                text(after, a),
                Numbers.NONE,
                na,
                noise.withinLine(Numbers.NONE, na, functionNanos)));
      }
    }
    return new FunctionDiff(
        before, after, beforeTotal, afterTotal, lines, noise.withinTotal(beforeTotal, afterTotal));
  }

  private static Numbers numbers(FunctionStats f, int line, ProbeCost probes) {
    return new Numbers(
        f.hits(line),
        f.nanos(line),
        f.hasSamples() ? f.samples(line) : -1,
        probes.lineNanos(f, line));
  }

  private static Numbers total(FunctionStats f, ProbeCost probes) {
    long samples = -1;
    if (f.hasSamples()) {
      samples = 0;
      for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
        samples += f.info().nested(line) ? 0 : f.samples(line); // as the total: top-level only
      }
    }
    return new Numbers(f.totalHits(), f.totalNanos(), samples, probes.totalNanos(f));
  }

  private static String text(FunctionStats f, int line) {
    return f.info().lines().get(line - f.info().firstLine()).stripTrailing();
  }
}
