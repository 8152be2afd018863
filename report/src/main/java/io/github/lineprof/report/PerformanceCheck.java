package io.github.lineprof.report;

import io.github.lineprof.report.ReportDiff.FunctionDiff;
import io.github.lineprof.report.ReportDiff.Kind;
import io.github.lineprof.report.ReportDiff.LineDiff;
import io.github.lineprof.report.stats.FunctionStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * {@code lineprof check}: a baseline report and a candidate's compared under {@link CheckRule}s,
 * each violation one line. Lines and functions are matched as {@code lineprof diff} matches them
 * ({@link ReportDiff}). Hits are counted, so a growth of hits is judged as it is. Times are judged
 * with a statistical test over the runs each report keeps apart ({@link RepeatedRuns}), a line's
 * relative to its function's other lines, corrected for the number of times a rule compares; where
 * either report has a single run no test is possible, and {@code lineprof diff}'s noise rule
 * ({@link Noise}) decides instead, which each finding says.
 */
public final class PerformanceCheck {
  /** The false discovery rate of the Benjamini-Hochberg correction. */
  static final double FALSE_DISCOVERY_RATE = 0.01;

  /**
   * One element (a line or a function) whose hits or time changed for real, in either direction.
   *
   * @param violation whether it breaks its rule (slower beyond the rule's limit)
   * @param message one line: the element, the change, and how the change was judged, then {@code
   *     source}
   * @param source the line's source text, or the function's file and line
   */
  public record Finding(
      CheckRule rule, boolean violation, String element, String message, String source) {}

  /**
   * What a check found: every real change, the violations among them first; {@code unmatched}, the
   * rules that selected no function of both reports and so checked nothing.
   */
  public record Outcome(List<CheckRule> rules, List<Finding> findings, List<CheckRule> unmatched) {
    public Outcome {
      rules = List.copyOf(rules);
      findings = List.copyOf(findings);
      unmatched = List.copyOf(unmatched);
    }

    public List<Finding> violations() {
      return findings.stream().filter(Finding::violation).toList();
    }

    public boolean passed() {
      return violations().isEmpty();
    }
  }

  /** How a line's runs are scaled: by what the function's steady lines took in each. */
  private static final String AGAINST_LINES = "relative to the function's other lines";

  /**
   * How a function's runs are judged where both reports timed the speed control: both against it
   * and in absolute time, and the smaller change counts.
   */
  private static final String AGAINST_CONTROL =
      "the smaller of its change in absolute time and against the speed control timed in each run";

  /**
   * One time or hit count of an element in both reports, with the element's time in each run of
   * either report (empty arrays when a report keeps no runs apart; divided by each run's size
   * factor, which {@code scale} names, when it is not empty; then also unscaled in {@code
   * absoluteBefore} and {@code absoluteAfter} where both must change, else null), and its
   * function's baseline total, against which a time from 0 is measured.
   */
  @SuppressWarnings("ArrayRecordComponent") // private, never compared or hashed
  private record Compared(
      String element,
      String text,
      long hitsBefore,
      long hitsAfter,
      long nanosBefore,
      long nanosAfter,
      long[] runsBefore,
      long[] runsAfter,
      String scale,
      long[] absoluteBefore,
      long[] absoluteAfter,
      long functionNanosBefore,
      boolean noise) {}

  private PerformanceCheck() {}

  /**
   * Checks {@code candidate} against {@code baseline} under {@code rules}.
   *
   * @throws IllegalArgumentException when the two were recorded in different modes: their times are
   *     not of the same kind
   */
  public static Outcome check(
      JsonReportReader.Report baseline, JsonReportReader.Report candidate, List<CheckRule> rules) {
    String before = baseline.runs().isEmpty() ? null : baseline.runs().get(0).mode();
    String after = candidate.runs().isEmpty() ? null : candidate.runs().get(0).mode();
    if (before != null && after != null && !before.equals(after)) {
      throw new IllegalArgumentException(
          "the baseline was recorded in "
              + before
              + " mode, the candidate in "
              + after
              + " mode: their times are not of the same kind; check reports of one mode");
    }
    ReportDiff diff = ReportDiff.of(baseline, candidate);
    List<Finding> findings = new ArrayList<>();
    List<CheckRule> unmatched = new ArrayList<>();
    for (CheckRule rule : rules) {
      if (diff.functions().stream().noneMatch(f -> inBoth(f) && rule.selects(f.after().info()))) {
        unmatched.add(rule);
      }
      findings.addAll(judge(rule, compared(rule, diff)));
    }
    List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::violation).toList());
    findings.stream().filter(f -> !f.violation()).forEach(ordered::add);
    return new Outcome(rules, ordered, unmatched);
  }

  private static boolean inBoth(FunctionDiff f) {
    return f.before() != null && f.after() != null;
  }

  private static List<Compared> compared(CheckRule rule, ReportDiff diff) {
    List<Compared> compared = new ArrayList<>();
    for (FunctionDiff f : diff.functions()) {
      if (!inBoth(f) || !rule.selects(f.after().info())) {
        continue;
      }
      String name = f.info().name();
      if (rule.element() == CheckRule.Element.FUNCTION) {
        // the machine's pace in each run, where both reports timed it, else absolute times
        boolean controlled = f.before().hasRunControl() && f.after().hasRunControl();
        double pace = controlled ? medianControl(f.before()) : 0;
        compared.add(
            new Compared(
                name,
                f.location(),
                f.beforeTotal().hits(),
                f.afterTotal().hits(),
                f.beforeTotal().nanos(),
                f.afterTotal().nanos(),
                totals(f.before(), pace),
                totals(f.after(), pace),
                controlled ? AGAINST_CONTROL : "",
                controlled ? totals(f.before(), 0) : null,
                controlled ? totals(f.after(), 0) : null,
                f.beforeTotal().nanos(),
                f.noise()));
        continue;
      }
      List<LineDiff> lines =
          f.lines().stream().filter(l -> l.kind() == Kind.SAME && !l.idle()).toList();
      int runsBefore = f.before().runCount();
      List<long[]> runs = new ArrayList<>();
      for (LineDiff line : lines) {
        runs.add(
            LongStream.concat(
                    LongStream.of(runs(f.before(), line.beforeLine())),
                    LongStream.of(runs(f.after(), line.afterLine())))
                .toArray());
      }
      List<long[]> relative =
          RepeatedRuns.testable(new long[runsBefore], new long[f.after().runCount()])
              ? RepeatedRuns.relativeToSteadyLines(
                  runs, runsBefore, FALSE_DISCOVERY_RATE, rule.minEffectPercent())
              : null;
      for (int i = 0; i < lines.size(); i++) {
        LineDiff line = lines.get(i);
        long[] both = (relative == null ? runs : relative).get(i);
        long[] before = Arrays.copyOfRange(both, 0, runsBefore);
        long[] after = Arrays.copyOfRange(both, runsBefore, both.length);
        compared.add(
            new Compared(
                name + " line " + line.afterLine(),
                line.source().strip(),
                line.before().hits(),
                line.after().hits(),
                line.before().nanos(),
                line.after().nanos(),
                before,
                after,
                relative != null ? AGAINST_LINES : "",
                null,
                null,
                f.beforeTotal().nanos(),
                line.noise()));
      }
    }
    return compared;
  }

  private static List<Finding> judge(CheckRule rule, List<Compared> compared) {
    List<Finding> findings = new ArrayList<>();
    double threshold = rule.thresholdPercent();
    // hits: counted, so any growth is real; only its size is judged
    for (Compared c : compared) {
      if (c.hitsBefore() != c.hitsAfter()) {
        double growth = percent(c.hitsBefore(), c.hitsAfter());
        boolean violation = growth > threshold;
        findings.add(
            new Finding(
                rule,
                violation,
                c.element(),
                String.format(
                    Locale.ROOT,
                    "%s: hits %d -> %d (%s, counted, no test needed)%s  %s",
                    c.element(),
                    c.hitsBefore(),
                    c.hitsAfter(),
                    signed(growth),
                    violation ? limit(rule) : "",
                    c.text()),
                c.text()));
      }
    }
    List<Compared> tested = compared.stream().filter(c -> testable(c)).toList();
    double[] p = new double[tested.size()];
    double[] ratios = new double[tested.size()];
    // A function's time carries what moved the machine between the reports, beyond the run-to-run
    // scatter the test sees: it must show a change beyond the minimum effect, not just any change.
    double margin = rule.element() == CheckRule.Element.FUNCTION ? rule.minEffectPercent() : 0;
    for (int i = 0; i < tested.size(); i++) {
      Compared c = tested.get(i);
      RepeatedRuns.Comparison comparison =
          RepeatedRuns.compare(c.runsBefore(), c.runsAfter(), margin);
      p[i] = comparison.p();
      ratios[i] = comparison.ratio();
      if (c.absoluteBefore() != null) {
        // The control is other code, which load slows more or less than the function: a change
        // counts only when it holds both with and without it (an intersection-union test: the
        // larger p, the smaller change, none when they point apart).
        RepeatedRuns.Comparison absolute =
            RepeatedRuns.compare(c.absoluteBefore(), c.absoluteAfter(), margin);
        boolean apart = (ratios[i] - 1) * (absolute.ratio() - 1) <= 0;
        p[i] = apart ? 1 : Math.max(p[i], absolute.p());
        if (Math.abs(absolute.ratio() - 1) < Math.abs(ratios[i] - 1)) {
          ratios[i] = absolute.ratio();
        }
      }
    }
    double[] adjusted = RepeatedRuns.adjusted(p);
    for (int i = 0; i < tested.size(); i++) {
      Compared c = tested.get(i);
      // a time some runs did not see at all (no sample) is too small for its own percentage
      boolean untimed = c.nanosBefore() > 0 && (anyZero(c.runsBefore()) || anyZero(c.runsAfter()));
      double change = c.nanosBefore() > 0 && !untimed ? 100 * (ratios[i] - 1) : ofFunction(c);
      if (adjusted[i] > FALSE_DISCOVERY_RATE || Math.abs(change) <= rule.minEffectPercent()) {
        continue;
      }
      String relative =
          untimed
              ? signed(change) + " of the function's time, as some runs did not time it, "
              : !c.scale().isEmpty() && c.nanosBefore() > 0
                  ? signed(change) + " " + c.scale() + ", "
                  : "";
      findings.add(
          timeFinding(
              rule,
              c,
              change,
              c.nanosBefore() > 0 && (untimed || !c.scale().isEmpty())
                  ? percent(c.nanosBefore(), c.nanosAfter())
                  : change,
              threshold,
              String.format(
                  Locale.ROOT,
                  "%sp = %.2g after Benjamini-Hochberg over %d, Welch's t-test of %d and %d runs%s",
                  relative,
                  adjusted[i],
                  tested.size(),
                  c.runsBefore().length,
                  c.runsAfter().length,
                  margin > 0 ? " against a change of at most " + trim(margin) + " %" : "")));
    }
    for (Compared c : compared) {
      if (testable(c) || c.noise() || c.nanosBefore() == c.nanosAfter()) {
        continue;
      }
      double change =
          c.nanosBefore() > 0 ? percent(c.nanosBefore(), c.nanosAfter()) : ofFunction(c);
      if (Math.abs(change) <= rule.minEffectPercent()) {
        continue;
      }
      findings.add(
          timeFinding(
              rule,
              c,
              change,
              change,
              threshold,
              untestable(c) + ": no test possible, beyond lineprof diff's noise rule"));
    }
    return findings;
  }

  /** Which report has too few runs for a test, and why. */
  private static String untestable(Compared c) {
    boolean baseline = c.runsBefore().length < 2;
    int runs = baseline ? c.runsBefore().length : c.runsAfter().length;
    return (baseline ? "the baseline" : "the candidate")
        + (runs == 0
            ? " keeps no runs apart (a single run, or a merge that summed its reports)"
            : " keeps one run");
  }

  private static boolean testable(Compared c) {
    return RepeatedRuns.testable(c.runsBefore(), c.runsAfter())
        && (c.nanosBefore() > 0 || c.nanosAfter() > 0);
  }

  private static String limit(CheckRule rule) {
    return String.format(
        Locale.ROOT,
        ", beyond the %s's %s %%",
        rule.element().name() + " rule",
        trim(rule.thresholdPercent()));
  }

  /** A line's time in each of the function's separate runs; empty when it has none. */
  private static long[] runs(FunctionStats f, int line) {
    long[] runs = new long[f.runCount()];
    for (int r = 0; r < runs.length; r++) {
      runs[r] = f.runNanos(r, line);
    }
    return runs;
  }

  /**
   * The function's time in each of its runs, as its total counts it (nested lines' time is in their
   * calling lines'); with a {@code pace} above 0, each run's at that pace of the speed control: its
   * time times {@code pace} over the control's nanoseconds in that run.
   */
  private static long[] totals(FunctionStats f, double pace) {
    long[] totals = new long[f.runCount()];
    for (int r = 0; r < totals.length; r++) {
      for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
        if (!f.info().nested(line)) {
          totals[r] += f.runNanos(r, line);
        }
      }
      if (pace > 0) {
        totals[r] = Math.round(totals[r] * pace / f.runControl(r));
      }
    }
    return totals;
  }

  /** The median of a report's speed controls: the pace both reports' times are put at. */
  private static double medianControl(FunctionStats f) {
    long[] controls = new long[f.runCount()];
    for (int r = 0; r < controls.length; r++) {
      controls[r] = f.runControl(r);
    }
    Arrays.sort(controls);
    int n = controls.length;
    return n % 2 == 1 ? controls[n / 2] : (controls[n / 2 - 1] + controls[n / 2]) / 2.0;
  }

  /** The growth from {@code before} to {@code after} in percent; infinite from 0. */
  private static double percent(long before, long after) {
    return before == 0 ? Double.POSITIVE_INFINITY : 100.0 * (after - before) / before;
  }

  /**
   * A time that grew from 0 (a line that ran in both but took too little to measure), or that some
   * runs did not time at all, has no meaningful growth in percent of itself: its size is its change
   * in percent of the function's baseline time, so that a few nanoseconds more are as small as they
   * are; infinite when the function took 0.
   */
  private static double ofFunction(Compared c) {
    return percent(
        c.functionNanosBefore(), c.functionNanosBefore() + c.nanosAfter() - c.nanosBefore());
  }

  private static boolean anyZero(long[] runs) {
    return Arrays.stream(runs).anyMatch(t -> t == 0);
  }

  private static String signed(double percent) {
    return Double.isInfinite(percent) ? "from 0" : String.format(Locale.ROOT, "%+.1f %%", percent);
  }

  /** {@code +12.0 %}; from 0, {@code from 0 ns: +1.3 % of the function's time}. */
  private static String timeChange(Compared c, double change) {
    if (c.nanosBefore() > 0) {
      return signed(change);
    }
    return Double.isInfinite(change)
        ? "from 0 ns"
        : "from 0 ns: " + signed(change) + " of the function's time";
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code check.md}: the verdict, the violations, the other real changes and the rules. */
  public static String markdown(Outcome outcome, String baseline, String candidate) {
    StringBuilder md = new StringBuilder();
    List<Finding> violations = outcome.violations();
    md.append("## lineprof check: ")
        .append(
            outcome.passed()
                ? "passed"
                : "failed, "
                    + violations.size()
                    + " violation"
                    + (violations.size() == 1 ? "" : "s"))
        .append("\n\n")
        .append(Markdown.code(baseline))
        .append(" (baseline) -> ")
        .append(Markdown.code(candidate))
        .append("\n\n");
    if (!violations.isEmpty()) {
      md.append("### Violations\n\n");
      violations.forEach(v -> md.append("- ").append(markdownLine(v)).append('\n'));
      md.append('\n');
    }
    List<Finding> others = outcome.findings().stream().filter(f -> !f.violation()).toList();
    if (!others.isEmpty()) {
      md.append("### Other real changes (within the rules)\n\n");
      others.forEach(f -> md.append("- ").append(markdownLine(f)).append('\n'));
      md.append('\n');
    }
    md.append("### Rules\n\n");
    outcome.rules().forEach(r -> md.append("- ").append(Markdown.code(r.describe())).append('\n'));
    md.append('\n').append(RULE_TEXT).append('\n');
    return md.toString();
  }

  /** The finding's line with its source as code: source text must not become Markdown or HTML. */
  private static String markdownLine(Finding finding) {
    String message = finding.message();
    String judged = message.substring(0, message.length() - finding.source().length()).strip();
    return Markdown.text(judged) + " " + Markdown.code(finding.source());
  }

  /** How changes are judged, for the foot of check.md and the CLI's help. */
  static final String RULE_TEXT =
      "Hits are counted: a growth of hits is exact. A time counts as changed when Welch's t-test on"
          + " the logarithms of the runs each report keeps apart (harness runs=N, JMH forks, lineprof merge --repeats) finds it"
          + " at a false discovery rate of 1 % (Benjamini-Hochberg over the times a rule compares)"
          + " and it is larger than the rule's minimum effect (5 % by default; a time from 0 ns, or"
          + " one that some runs did not time at all, by its share of the function's baseline"
          + " time). A line is judged relative to its function's other lines: the lines that"
          + " changed are found first against each run's median line, then each run's time of a"
          + " line is divided by what the function's steady lines took in that run, so what slows"
          + " every line alike (a slower or busier machine) is left to the FUNCTION rule. A"
          + " function is judged twice, by its absolute time and by its time in each run divided"
          + " by the speed control's (a fixed piece of work each run's JVM timed in short rounds"
          + " between the scenario's invocations), and it changed only when both say so: the"
          + " larger p-value, the smaller change. So a machine that ran everything slower is no"
          + " change of the function; where a report has no control, its absolute time is judged."
          + " And as a function's time also carries what moved the machine between the two"
          + " reports, its test asks whether it changed by more than the minimum effect, not"
          + " whether it changed at all: a change that measures just beyond it is not enough."
          + " Where a report has a single run no test is possible: lineprof diff's noise rule"
          + " decides, and the finding says so.";

  /**
   * A change of a line's or function's time, {@code how} it was judged, against the rule: {@code
   * change} is what the rule judges (for a scaled line, relative to the function's other lines),
   * {@code shown} the change of its own time, shown first.
   */
  private static Finding timeFinding(
      CheckRule rule, Compared c, double change, double shown, double threshold, String how) {
    boolean violation = change > threshold;
    return new Finding(
        rule,
        violation,
        c.element(),
        String.format(
            Locale.ROOT,
            "%s: time %s -> %s (%s; %s)%s  %s",
            c.element(),
            Durations.readable((double) c.nanosBefore()),
            Durations.readable((double) c.nanosAfter()),
            timeChange(c, shown),
            how,
            violation ? limit(rule) : "",
            c.text()),
        c.text());
  }
}
