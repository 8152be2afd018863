package io.github.lineprof.cli;

import io.github.lineprof.report.JsonReport;
import io.github.lineprof.report.ReportMerge;
import io.github.lineprof.report.stats.ProfileStats;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lineprof merge}: one report of several runs of the same code, e.g. of several CI jobs, or
 * of repeats recorded in turn with another build's, with {@link ReportMerge}'s checks.
 */
@Command(
    name = "merge",
    description = {
      "Sums JSON reports: hits and times per line; the runs are listed together.",
      "With --repeats, keeps each report's runs apart instead: repeated measurements of the same"
          + " work, for lineprof check."
    })
final class MergeCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Reports written by lineprof.")
  private List<Path> reports;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the merged report.")
  private Path output;

  @Option(
      names = "--repeats",
      description =
          "The reports measured the same work (the same hits on every line), e.g. recorded in turn"
              + " with another build's so that both saw the same stretches of the machine's time:"
              + " one report of all their runs, kept apart for lineprof check.")
  private boolean repeats;

  @Override
  public void run() {
    ReportMerge merge = repeats ? ReportMerge.ofRepeats() : new ReportMerge();
    for (Path report : reports) {
      try {
        merge.add(report.toString(), LineProfCli.read(spec, report));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    ProfileStats merged;
    try {
      merged = merge.stats();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "cannot merge: " + e.getMessage());
    }
    LineProfCli.write(spec, output, JsonReport.write(merged, merge.runs()), reports);
  }
}
