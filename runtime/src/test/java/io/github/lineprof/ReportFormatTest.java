package io.github.lineprof;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.run.ReportFormats;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each public format is one of the report library's, which writes the files, and the reverse. */
class ReportFormatTest {
  @Test
  void everyReportLibraryFormatHasItsPublicConstant() {
    assertThat(ReportFormats.of(EnumSet.allOf(ReportFormat.class)))
        .containsExactlyElementsIn(EnumSet.allOf(io.github.lineprof.report.ReportFormat.class));
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(ReportFormats.of(format).name()).isEqualTo(format.name());
    }
  }

  @Test
  void fileNamesAreTheReportLibrarysAndTheReadmes() {
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.fileName()).isEqualTo(ReportFormats.of(format).fileName());
    }
    assertThat(Stream.of(ReportFormat.values()).map(ReportFormat::fileName).toList())
        .containsExactly("report.txt", "report.json", "index.html", "summary.md")
        .inOrder();
  }
}
