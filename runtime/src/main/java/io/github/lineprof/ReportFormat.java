package io.github.lineprof;

/**
 * The report files a run can write, and their names in the output directory. The public face of the
 * report module's formats, which write the files: one constant each, by the same name.
 */
public enum ReportFormat {
  TXT,
  JSON,
  HTML,
  /** A summary for CI pages: functions by time and each one's hottest lines. */
  MD;

  public String fileName() {
    return io.github.lineprof.report.ReportFormat.valueOf(name()).fileName();
  }
}
