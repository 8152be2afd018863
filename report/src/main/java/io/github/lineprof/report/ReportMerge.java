package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One report of several runs of the same code (the CLI's {@code merge}, the Maven plugin's {@code
 * report}). It refuses what a sum would silently get wrong: the same run twice (by its id, or in
 * older reports without ids by all it records, down to the nanosecond it started), runs of
 * different modes (their times are measured differently), a function whose source text changed
 * between the runs, or that starts at another line (the sum would keep the two versions apart, as
 * two functions of one name: a before and an after run are for {@code lineprof diff}), and counts
 * beyond a {@code long}.
 */
public final class ReportMerge {
  private ProfileStats stats = new ProfileStats(List.of());
  private final List<RunInfo> runs = new ArrayList<>();
  private final Map<String, String> runIds = new HashMap<>();

  /** Runs of older reports, which have no id: the same run is the same started instant and all. */
  private final Map<RunInfo, String> runsWithoutIds = new HashMap<>();

  /**
   * Adds one report, named {@code source} in messages.
   *
   * @throws IllegalArgumentException saying why the report cannot be added; nothing is added then
   */
  public void add(String source, JsonReportReader.Report report) {
    for (RunInfo run : report.runs()) {
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
    refuseMovedFunctions(source, report.stats());
    try {
      stats = stats.plus(report.stats());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(source + ": cannot merge: " + e.getMessage(), e);
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

  public ProfileStats stats() {
    return stats;
  }

  public List<RunInfo> runs() {
    return List.copyOf(runs);
  }
}
