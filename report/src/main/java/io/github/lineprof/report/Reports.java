package io.github.lineprof.report;

import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Writes a run's report files, all from the same statistics, each atomically. */
public final class Reports {
  private Reports() {}

  public static void write(
      Path directory,
      ProfileStats stats,
      List<RunInfo> runs,
      TextOptions text,
      Set<ReportFormat> formats)
      throws IOException {
    for (ReportFormat format : formats) {
      switch (format) {
        case TXT ->
            ReportFiles.write(
                directory.resolve(format.fileName()),
                TextReport.format(stats, text) + RunNotes.text(runs));
        case JSON ->
            ReportFiles.write(directory.resolve(format.fileName()), JsonReport.write(stats, runs));
        case HTML -> HtmlReport.write(stats, runs, text.outputUnit(), directory);
        case MD ->
            ReportFiles.write(
                directory.resolve(format.fileName()),
                MarkdownReport.format(stats, runs, MarkdownReport.TOP_LINES));
      }
    }
  }
}
