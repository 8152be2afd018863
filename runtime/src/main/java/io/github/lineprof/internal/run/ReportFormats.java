package io.github.lineprof.internal.run;

import io.github.lineprof.ReportFormat;
import java.util.EnumSet;
import java.util.Set;

/**
 * The report library's format behind each public one. The library owns the formats (their file
 * names and writers); the public enum names the same constants so that the API shows no internal
 * type, and this is the one place that maps them, by name.
 */
public final class ReportFormats {
  private ReportFormats() {}

  public static io.github.lineprof.report.ReportFormat of(ReportFormat format) {
    return io.github.lineprof.report.ReportFormat.valueOf(format.name());
  }

  public static Set<io.github.lineprof.report.ReportFormat> of(Set<ReportFormat> formats) {
    Set<io.github.lineprof.report.ReportFormat> written =
        EnumSet.noneOf(io.github.lineprof.report.ReportFormat.class);
    formats.forEach(format -> written.add(of(format)));
    return written;
  }
}
