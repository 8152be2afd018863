package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Against scipy.stats (t.sf, ttest_ind) and the tables' critical values. */
class StudentTTest {
  @Test
  void twoSidedPValuesMatchKnownValues() {
    assertThat(StudentT.twoSidedP(1.0, 1)).isWithin(1e-12).of(0.5); // Cauchy: 1 - 2 atan(1) / pi
    assertThat(StudentT.twoSidedP(2.0, 10)).isWithin(1e-9).of(0.07338803477074);
    assertThat(StudentT.twoSidedP(2.228138851986, 10)).isWithin(1e-9).of(0.05);
    assertThat(StudentT.twoSidedP(12.7062047361747, 1)).isWithin(1e-9).of(0.05);
    assertThat(StudentT.twoSidedP(4.303, 2)).isWithin(1e-12).of(0.0499925249852145);
    assertThat(StudentT.twoSidedP(1.959963984540, 1e9)).isWithin(1e-7).of(0.05); // the normal
    assertThat(StudentT.twoSidedP(0, 3.5)).isWithin(1e-12).of(1.0);
    assertThat(StudentT.twoSidedP(-2.0, 10)).isEqualTo(StudentT.twoSidedP(2.0, 10));
    assertThat(StudentT.twoSidedP(50, 4))
        .isWithin(1e-12)
        .of(9.57445365696969e-7); // scipy.stats.t.sf(50, 4) * 2
  }

  @Test
  void welchMatchesAWorkedExample() {
    // two samples with unequal variances; scipy.stats.ttest_ind(a, b, equal_var=False).pvalue
    double[] a = {
      27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4
    };
    double[] b = {
      27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4
    };
    assertThat(StudentT.welchBeyondP(a, b, 0, 0)).isWithin(1e-12).of(0.021378001462866992);
  }

  @Test
  void aMarginIsTheTestOfTheSampleShiftedByIt() {
    double[] a = {1.0, 1.2, 0.9, 1.1, 1.05};
    double[] b = {2.1, 2.3, 1.9, 2.2, 2.0};
    double[] shifted = Arrays.stream(b).map(x -> x - 0.8).toArray();
    // past the near edge: the one-sided tail of the shifted samples, the far edge's almost nil
    assertThat(StudentT.welchBeyondP(a, b, 0.8, 0.8))
        .isWithin(1e-6)
        .of(StudentT.welchBeyondP(a, shifted, 0, 0) / 2);
    // within the margin: no evidence of a change beyond it
    assertThat(StudentT.welchBeyondP(a, b, 2, 2)).isGreaterThan(0.99);
    // the margin below applies to decreases
    assertThat(StudentT.welchBeyondP(b, a, 0.8, 100))
        .isWithin(1e-9)
        .of(StudentT.welchBeyondP(a, b, 100, 0.8));
  }

  @Test
  void logGammaMatchesFactorials() {
    assertThat(StudentT.logGamma(1)).isWithin(1e-14).of(0);
    assertThat(StudentT.logGamma(11)).isWithin(1e-11).of(Math.log(3628800));
    assertThat(StudentT.logGamma(0.5)).isWithin(1e-14).of(0.5 * Math.log(Math.PI));
  }
}
