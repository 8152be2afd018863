package io.github.lineprof.report;

/**
 * The report files a run can write, their names in the output directory and (in {@link Reports})
 * their writers: the one definition of the formats. The runtime's public {@code ReportFormat} names
 * the same constants.
 */
public enum ReportFormat {
  TXT("report.txt"),
  JSON("report.json"),
  HTML("index.html"),
  /** A summary for CI pages: functions by time and each one's hottest lines. */
  MD("summary.md");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
