package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

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
    assertThat(StudentT.welchP(a, b)).isWithin(1e-12).of(0.021378001462866992);
  }

  @Test
  void logGammaMatchesFactorials() {
    assertThat(StudentT.logGamma(1)).isWithin(1e-14).of(0);
    assertThat(StudentT.logGamma(11)).isWithin(1e-11).of(Math.log(3628800));
    assertThat(StudentT.logGamma(0.5)).isWithin(1e-14).of(0.5 * Math.log(Math.PI));
  }
}
