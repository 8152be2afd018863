package io.github.lineprof.cli;

import io.github.lineprof.report.DiffReports;
import io.github.lineprof.report.ReportDiff;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lineprof diff}: two runs of the same code side by side, e.g. before and after a change,
 * per function and line, with changes within the runs' noise marked (see lineprof-report's Noise).
 */
@Command(
    name = "diff",
    description =
        "Compares two JSON reports: time and hits per function and line, before,"
            + " after and the change, largest changes first; lines are matched by their text.")
final class DiffCommand implements Runnable {
  enum Format {
    text,
    md,
    html
  }

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BEFORE", description = "The report of the earlier run.")
  private Path before;

  @Parameters(index = "1", paramLabel = "AFTER", description = "The report of the later run.")
  private Path after;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (default), md (Markdown, e.g. for a pull-request comment) or html (one self-contained page).")
  private Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of the standard output.")
  private Path output;

  @Override
  public void run() {
    ReportDiff diff = ReportDiff.of(LineProfCli.read(spec, before), LineProfCli.read(spec, after));
    String beforeName = before.toString();
    String afterName = after.toString();
    String content =
        switch (format) {
          case text -> DiffReports.text(diff, beforeName, afterName);
          case md -> DiffReports.markdown(diff, beforeName, afterName);
          case html -> DiffReports.html(diff, beforeName, afterName);
        };
    if (output != null) {
      LineProfCli.write(spec, output, content, List.of(before, after));
    } else {
      LineProfCli.print(spec, content);
    }
  }
}
