package io.github.lineprof.report;

/** The report files a run can write, and their names in the output directory. */
public enum ReportFormat {
  TXT("report.txt"),
  JSON("report.json"),
  HTML("index.html");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
