package io.github.lineprof.internal.cli;

import io.github.lineprof.internal.report.JsonReport;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lineprof merge}: one report of several runs of the same code, e.g. of several CI jobs. */
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
    for (Path report : reports) {
      JsonReport.Parsed parsed = LineProfCli.read(spec, report);
      try {
        stats = stats.plus(parsed.stats());
      } catch (IllegalArgumentException e) {
        // Same file, name and first line but another line count: the source changed between runs.
        throw new ParameterException(spec.commandLine(), report + ": cannot merge: " + e.getMessage());
      }
      runs.addAll(parsed.runs());
    }
    LineProfCli.write(spec, output, JsonReport.write(stats, runs));
  }
}
