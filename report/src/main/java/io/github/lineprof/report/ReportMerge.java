package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.Repeats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One report of several runs of the same code (the CLI's {@code merge}, the Maven plugin's {@code
 * report}): their sum, or, for repeated measurements of the same work ({@link #ofRepeats}), their
 * runs side by side for {@code lineprof check}. It refuses what a sum would silently get wrong: the
 * same run twice (by its id, or in older reports without ids by all it records, down to the
 * nanosecond it started), runs of different modes (their times are measured differently), a
 * function whose source text changed between the runs, or that starts at another line (the sum
 * would keep the two versions apart, as two functions of one name: a before and an after run are
 * for {@code lineprof diff}), and counts beyond a {@code long}; repeats must also have run the same
 * functions with the same hits.
 */
public final class ReportMerge {
  private ProfileStats stats = new ProfileStats(List.of());
  private final List<RunInfo> runs = new ArrayList<>();
  private final Map<String, String> runIds = new HashMap<>();

  /** Runs of older reports, which have no id: the same run is the same started instant and all. */
  private final Map<RunInfo, String> runsWithoutIds = new HashMap<>();

  /** The reports of repeats, in order; null for a sum. */
  private final List<ProfileStats> repeats;

  private String firstSource;

  /** A merge that sums the reports' runs: runs of the same code on different work. */
  public ReportMerge() {
    this(null);
  }

  private ReportMerge(List<ProfileStats> repeats) {
    this.repeats = repeats;
  }

  /**
   * A merge that keeps each report's runs apart ({@link Repeats#pooled}): reports of the same work,
   * e.g. recorded in turn with another build's so that both saw the same stretches of the machine's
   * time, become one report of repeated measurements for {@code lineprof check}.
   */
  public static ReportMerge ofRepeats() {
    return new ReportMerge(new ArrayList<>());
  }

  /**
   * Adds one report, named {@code source} in messages.
   *
   * @throws IllegalArgumentException saying why the report cannot be added; nothing is added then
   */
  public void add(String source, JsonReportReader.Report report) {
    if (report.runs().isEmpty()) {
      throw new IllegalArgumentException(
          source + ": cannot merge: it lists no run, so its runs could not be told from another's");
    }
    Set<String> ownIds = new HashSet<>();
    for (RunInfo run : report.runs()) {
      if (run.id() != null && !ownIds.add(run.id())) {
        throw new IllegalArgumentException(
            source + ": cannot merge: it lists run " + run.id() + " twice");
      }
      if (!runs.isEmpty() && !runs.get(0).mode().equals(run.mode())) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge: its run is in "
                + run.mode()
                + " mode, the"
                + " runs before it in "
                + runs.get(0).mode()
                + " mode; their times are not of the same kind");
      }
      String earlier = run.id() == null ? runsWithoutIds.get(run) : runIds.get(run.id());
      if (earlier != null && run.id() == null) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge: its run of "
                + run.started()
                + " (no id: an older report) is also in "
                + earlier
                + "; merging it twice would count it twice");
      }
      if (earlier != null) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge: run "
                + run.id()
                + " is also in "
                + earlier
                + "; merging it twice would count it twice");
      }
    }
    if (repeats == null) {
      refuseMovedFunctions(source, report.stats());
      try {
        stats = stats.plus(report.stats());
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new IllegalArgumentException(source + ": cannot merge: " + e.getMessage(), e);
      }
    } else {
      refuseOtherWork(source, report.stats());
      repeats.add(report.stats());
    }
    if (firstSource == null) {
      firstSource = source;
    }
    for (RunInfo run : report.runs()) {
      if (run.id() == null) {
        runsWithoutIds.put(run, source);
      } else {
        runIds.put(run.id(), source);
      }
    }
    runs.addAll(report.runs());
  }

  /**
   * A function of {@code theirs} that matches none of the merged ones while a function of the same
   * file and name, matched by none of theirs, starts at another line: one function moved, not two
   * overloads (an overload added in one run leaves the other's function matched).
   */
  private void refuseMovedFunctions(String source, ProfileStats theirs) {
    Set<FunctionInfo.Key> theirKeys = new HashSet<>();
    theirs.functions().forEach(f -> theirKeys.add(f.info().key()));
    Set<FunctionInfo.Key> ourKeys = new HashSet<>();
    Map<List<String>, FunctionInfo> ourUnmatched = new HashMap<>();
    for (FunctionStats ours : stats.functions()) {
      FunctionInfo info = ours.info();
      ourKeys.add(info.key());
      if (!theirKeys.contains(info.key())) {
        ourUnmatched.putIfAbsent(List.of(info.file(), info.name()), info);
      }
    }
    for (FunctionStats their : theirs.functions()) {
      FunctionInfo info = their.info();
      FunctionInfo ours = ourUnmatched.get(List.of(info.file(), info.name()));
      if (ours != null && !ourKeys.contains(info.key())) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge: "
                + info.name()
                + " ("
                + info.file()
                + ") starts at line "
                + info.firstLine()
                + " here and at line "
                + ours.firstLine()
                + " in the reports before it: its source changed between the runs (lineprof diff"
                + " compares a before and an after run)");
      }
    }
  }

  /**
   * Repeats measure one piece of work: the same functions, of the same text, with the same hits on
   * every line; anything else would pair one report's times with another's hits.
   */
  private void refuseOtherWork(String source, ProfileStats theirs) {
    if (repeats.isEmpty()) {
      return;
    }
    Map<FunctionInfo.Key, FunctionStats> first = new HashMap<>();
    repeats.get(0).functions().forEach(f -> first.put(f.info().key(), f));
    String notRepeats = ": not repeats of the same work (a merge without repeats sums them)";
    for (FunctionStats their : theirs.functions()) {
      FunctionInfo info = their.info();
      FunctionStats ours = first.remove(info.key());
      String where = info.name() + " (" + info.file() + ":" + info.firstLine() + ")";
      if (ours == null) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge as repeats: "
                + where
                + " is not in "
                + firstSource
                + notRepeats);
      }
      if (!ours.info().lines().equals(info.lines())) {
        throw new IllegalArgumentException(
            source
                + ": cannot merge as repeats: the source text of "
                + where
                + " differs from "
                + firstSource
                + "'s"
                + notRepeats);
      }
      for (int line = info.firstLine(); line <= info.lastLine(); line++) {
        if (ours.hits(line) != their.hits(line)) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s: cannot merge as repeats: %s line %d ran %d times here, %d in %s%s",
                  source,
                  info.name(),
                  line,
                  their.hits(line),
                  ours.hits(line),
                  firstSource,
                  notRepeats));
        }
      }
      if (!ours.calls().equals(their.calls())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: cannot merge as repeats: %s was called %s times here, %s in %s%s",
                source,
                info.name(),
                calls(their),
                calls(ours),
                firstSource,
                notRepeats));
      }
    }
    if (!first.isEmpty()) {
      FunctionInfo missing = first.values().iterator().next().info();
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: cannot merge as repeats: %s (%s:%d) of %s is not in it%s",
              source,
              missing.name(),
              missing.file(),
              missing.firstLine(),
              firstSource,
              notRepeats));
    }
  }

  private static String calls(FunctionStats f) {
    return f.calls().isPresent() ? Long.toString(f.calls().getAsLong()) : "an unknown number of";
  }

  /**
   * The merged statistics.
   *
   * @throws IllegalArgumentException when repeats' samples sum beyond a {@code long}
   */
  public ProfileStats stats() {
    return repeats == null || repeats.isEmpty() ? stats : Repeats.pooled(repeats);
  }

  public List<RunInfo> runs() {
    return List.copyOf(runs);
  }
}
