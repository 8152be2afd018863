package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {
  /** {@code runs} times around {@code mean} with a relative spread {@code sd}, as runs vary. */
  private static long[] runs(Random random, int runs, double mean, double sd) {
    long[] times = new long[runs];
    for (int i = 0; i < runs; i++) {
      times[i] = Math.round(mean * Math.exp(sd * random.nextGaussian()));
    }
    return times;
  }

  @Test
  void aKnownShiftOfTenPercentIsFoundInFiveRunsASide() {
    Random random = new Random(1);
    int found = 0;
    for (int trial = 0; trial < 200; trial++) {
      RepeatedRuns.Comparison c =
          RepeatedRuns.compare(runs(random, 5, 1e6, 0.02), runs(random, 5, 1.1e6, 0.02));
      assertThat(c.ratio()).isWithin(0.05).of(1.1);
      if (c.p() < 0.01) {
        found++;
      }
    }
    assertThat(found).isAtLeast(190);
  }

  @Test
  void noShiftIsFlaggedAsOftenAsTheLevelSays() {
    Random random = new Random(2);
    int flagged = 0;
    int trials = 2000;
    for (int trial = 0; trial < trials; trial++) {
      if (RepeatedRuns.compare(runs(random, 5, 1e6, 0.05), runs(random, 5, 1e6, 0.05)).p() < 0.05) {
        flagged++;
      }
    }
    // Welch's test holds its level: about 5 % of null trials below 0.05
    assertThat(flagged / (double) trials).isWithin(0.02).of(0.05);
  }

  @Test
  void tiesOfIdenticalRunsAreNoChangeAndConstantDifferentRunsAreOne() {
    long[] same = {1000, 1000, 1000};
    assertThat(RepeatedRuns.compare(same, same.clone()).p()).isEqualTo(1.0);
    assertThat(RepeatedRuns.compare(same, same.clone()).ratio()).isEqualTo(1.0);
    assertThat(RepeatedRuns.compare(same, new long[] {2000, 2000, 2000}).p()).isEqualTo(0.0);
    // ties within one side and zeros still give a p-value, not NaN
    double p = RepeatedRuns.compare(new long[] {0, 0, 5}, new long[] {0, 5, 5}).p();
    assertThat(p).isAtLeast(0.0);
    assertThat(p).isAtMost(1.0);
  }

  @Test
  void oneRunASideCannotBeTested() {
    assertThat(RepeatedRuns.testable(new long[] {5}, new long[] {5, 6})).isFalse();
    RepeatedRuns.Comparison c = RepeatedRuns.compare(new long[] {100}, new long[] {200});
    assertThat(c.p()).isEqualTo(1.0);
    assertThat(c.ratio()).isEqualTo(2.0);
  }

  @Test
  void benjaminiHochbergAdjustsByRankAndKeepsTheOrder() {
    double[] adjusted = RepeatedRuns.adjusted(new double[] {0.01, 0.04, 0.03, 0.5});
    // sorted 0.01, 0.03, 0.04, 0.5: 0.01*4/1 = 0.04, 0.03*4/2 = 0.06, 0.04*4/3 = 0.0533, 0.5
    // then monotone from the largest down: 0.04, 0.0533, 0.0533, 0.5
    assertThat(adjusted[0]).isWithin(1e-12).of(0.04);
    assertThat(adjusted[1]).isWithin(1e-12).of(0.04 * 4 / 3);
    assertThat(adjusted[2]).isWithin(1e-12).of(0.04 * 4 / 3);
    assertThat(adjusted[3]).isWithin(1e-12).of(0.5);
  }
}
