package io.github.lineprof.cli;

import io.github.lineprof.report.HtmlReport;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.MarkdownReport;
import io.github.lineprof.report.OutputUnit;
import io.github.lineprof.report.RunNotes;
import io.github.lineprof.report.TextOptions;
import io.github.lineprof.report.TextReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lineprof show}: line_profiler's {@code python -m line_profiler} for a JSON report,
 * followed by the notes the run printed under its tables (mode, calibration, overhead, column
 * sources).
 */
@Command(
    name = "show",
    description =
        "Prints a JSON report as line_profiler's text and the run's notes; can also write HTML and Markdown.")
final class ShowCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "REPORT",
      description = "A report written by lineprof, e.g. target/lineprof/report.json.")
  private Path report;

  @Option(
      names = {"-u", "--unit"},
      paramLabel = "SECONDS",
      description = "Output unit, e.g. 1e-6 (default: the timer unit, 1e-9).")
  private Double unit;

  @Option(
      names = {"-z", "--skip-zero"},
      description = "Hide functions that never ran.")
  private boolean skipZero;

  @Option(
      names = {"-m", "--summarize"},
      description = "End with one line per function: seconds, file:line, name.")
  private boolean summarize;

  @Option(
      names = {"-t", "--sort"},
      description = "Order functions by ascending total time.")
  private boolean sort;

  @Option(
      names = {"-a", "--allocations"},
      description =
          "Add a Bytes column (bytes allocated per line, callees included) where the run measured it.")
  private boolean allocations;

  @Option(names = "--html", paramLabel = "DIR", description = "Also write DIR/index.html.")
  private Path html;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also write a Markdown summary, e.g. for a CI page.")
  private Path markdown;

  @Override
  public void run() {
    if (unit != null) {
      try {
        OutputUnit.check("--unit", unit);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    JsonReportReader.Report parsed = LineProfCli.read(spec, report);
    TextOptions options =
        TextOptions.defaults()
            .withOutputUnit(unit)
            .withStripZeros(skipZero)
            .withSummarize(summarize)
            .withSortByTime(sort)
            .withAllocations(allocations);
    String text = TextReport.format(parsed.stats(), options) + RunNotes.text(parsed.runs());
    if (markdown != null) {
      LineProfCli.write(
          spec,
          markdown,
          MarkdownReport.format(parsed.stats(), parsed.runs(), MarkdownReport.TOP_LINES),
          List.of(report));
    }
    if (html != null) {
      try {
        HtmlReport.write(parsed.stats(), parsed.runs(), unit, html);
      } catch (IOException e) {
        throw LineProfCli.cannotWrite(spec, html, e);
      }
    }
    LineProfCli.print(spec, text);
  }
}
