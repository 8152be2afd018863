package io.github.lineprof;

import io.github.lineprof.internal.run.ReportFormats;

/**
 * The report files a run can write. lineprof's report library defines the formats, their file names
 * and writers; these are its constants, by the same names.
 */
public enum ReportFormat {
  TXT,
  JSON,
  HTML,
  /** A summary for CI pages: functions by time and each one's hottest lines. */
  MD;

  /** The file's name in the output directory, e.g. {@code report.json}. */
  public String fileName() {
    return ReportFormats.of(this).fileName();
  }
}
