package io.github.lineprof;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.run.RunPipeline;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public formats and the report module's, which write the files, are the same constants. */
class ReportFormatTest {
  @Test
  void eachPublicFormatIsAReportModuleFormatOfTheSameName() {
    assertThat(Stream.of(ReportFormat.values()).map(Enum::name).toList())
        .containsExactlyElementsIn(
            Stream.of(io.github.lineprof.report.ReportFormat.values()).map(Enum::name).toList())
        .inOrder();
    assertThat(RunPipeline.reportFormats(EnumSet.allOf(ReportFormat.class)))
        .containsExactlyElementsIn(EnumSet.allOf(io.github.lineprof.report.ReportFormat.class));
  }

  @Test
  void fileNamesAreTheReportModules() {
    assertThat(ReportFormat.JSON.fileName()).isEqualTo("report.json");
    assertThat(ReportFormat.MD.fileName()).isEqualTo("summary.md");
  }
}
