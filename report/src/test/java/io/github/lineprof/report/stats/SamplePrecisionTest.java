package io.github.lineprof.report.stats;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SamplePrecisionTest {
  @Test
  void halfOfTenThousandSamplesIsGoodToOnePoint() {
    assertThat(SamplePrecision.halfWidthPoints(0.5, 10_000)).isWithin(0.001).of(0.98);
  }

  @Test
  void certainSharesAndNoSamplesHaveNoWidth() {
    assertThat(SamplePrecision.halfWidthPoints(1, 100)).isEqualTo(0.0);
    assertThat(SamplePrecision.halfWidthPoints(0.3, 0)).isEqualTo(0.0);
    assertThat(SamplePrecision.lineHalfWidthPoints(250, 1000))
        .isEqualTo(SamplePrecision.halfWidthPoints(0.25, 1000));
    assertThat(SamplePrecision.lineHalfWidthPoints(0, 1000)).isWithin(1e-9).of(0.3);
    assertThat(SamplePrecision.lineHalfWidthPoints(0, 2)).isEqualTo(100.0);
    assertThat(SamplePrecision.lineHalfWidthPoints(0, 0)).isEqualTo(0.0);
    assertThat(SamplePrecision.lineHalfWidthPoints(1000, 1000))
        .isWithin(1e-9)
        .of(0.3); // all of them
  }
}
