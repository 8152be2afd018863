package io.github.lineprof.cli;

import io.github.lineprof.internal.report.JsonReport;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lineprof merge}: one report of several runs of the same code, e.g. of several CI jobs. It
 * refuses what a sum would silently get wrong: the same run twice (by its id; reports written
 * before runs had ids cannot be checked), a function whose source text changed between the runs,
 * and counts beyond a {@code long}.
 */
@Command(name = "merge", description = "Sums JSON reports: hits and times per line; the runs are listed together.")
final class MergeCommand implements Runnable {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Reports written by lineprof.")
  private List<Path> reports;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the merged report.")
  private Path output;

  @Override
  public void run() {
    ProfileStats stats = new ProfileStats(List.of());
    List<RunInfo> runs = new ArrayList<>();
    Map<String, Path> runIds = new HashMap<>();
    for (Path report : reports) {
      JsonReportReader.Report parsed = LineProfCli.read(spec, report);
      for (RunInfo run : parsed.runs()) {
        Path earlier = run.id() == null ? null : runIds.putIfAbsent(run.id(), report);
        if (earlier != null) {
          throw new ParameterException(spec.commandLine(), report + ": cannot merge: run " + run.id()
              + " is also in " + earlier + "; merging it twice would count it twice");
        }
      }
      try {
        stats = stats.plus(parsed.stats());
      } catch (IllegalArgumentException | ArithmeticException e) {
        // The source changed between the runs, or a sum is beyond a long.
        throw new ParameterException(spec.commandLine(), report + ": cannot merge: " + e.getMessage());
      }
      runs.addAll(parsed.runs());
    }
    LineProfCli.write(spec, output, JsonReport.write(stats, runs));
  }
}
