package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  void aChangeMeasuredJustBeyondTheMinimumEffectIsNotShownBeyondIt() {
    Random random = new Random(5);
    long[] before = runs(random, 10, 1e6, 0.02);
    long[] after = runs(random, 10, 1.065e6, 0.02);
    // clearly a change, but not clearly one of more than 5 %
    assertThat(RepeatedRuns.compare(before, after).p()).isLessThan(1e-4);
    assertThat(RepeatedRuns.compare(before, after, 5).p()).isGreaterThan(0.01);
    // 20 % is beyond 5 % by far, either way
    assertThat(RepeatedRuns.compare(before, runs(random, 10, 1.2e6, 0.02), 5).p()).isLessThan(1e-6);
    assertThat(RepeatedRuns.compare(before, runs(random, 10, 0.8e6, 0.02), 5).p()).isLessThan(1e-6);
  }

  @Test
  void aChangeOfExactlyTheMinimumEffectIsFlaggedAsOftenAsTheLevelSays() {
    Random random = new Random(6);
    int flagged = 0;
    int trials = 2000;
    for (int trial = 0; trial < trials; trial++) {
      long[] before = runs(random, 10, 1e6, 0.03);
      long[] after = runs(random, 10, 1.05e6, 0.03);
      if (RepeatedRuns.compare(before, after, 5).p() < 0.05) {
        flagged++;
      }
    }
    // the null hypothesis' edge: about 5 % below 0.05, as a one-sided test at the edge
    assertThat(flagged / (double) trials).isWithin(0.02).of(0.05);
  }

  @Test
  void tiesOfIdenticalRunsAreNoChangeAndConstantDifferentRunsAreOne() {
    long[] same = {1000, 1000, 1000};
    assertThat(RepeatedRuns.compare(same, same.clone()).p()).isEqualTo(1.0);
    assertThat(RepeatedRuns.compare(same, same.clone()).ratio()).isEqualTo(1.0);
    assertThat(RepeatedRuns.compare(same, new long[] {2000, 2000, 2000}).p()).isEqualTo(0.0);
    // exact, so judged by its size alone against a minimum effect
    assertThat(RepeatedRuns.compare(same, new long[] {1040, 1040, 1040}, 5).p()).isEqualTo(1.0);
    assertThat(RepeatedRuns.compare(same, new long[] {1060, 1060, 1060}, 5).p()).isEqualTo(0.0);
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

  /**
   * Four lines of 10 + 10 runs, every run's machine speed off by 30 % (the same for all its lines),
   * each line's own scatter 1 %; the line {@code changed} is {@code factor} times as slow in the
   * last 10 runs.
   */
  private static List<long[]> linesOfRuns(Random random, int changed, double factor) {
    double[] means = {20_000, 20_000, 40_000, 20_000};
    double[] machine = new double[20];
    for (int r = 0; r < machine.length; r++) {
      machine[r] = Math.exp(0.3 * random.nextGaussian());
    }
    List<long[]> lines = new ArrayList<>();
    for (int l = 0; l < means.length; l++) {
      long[] runs = new long[20];
      for (int r = 0; r < runs.length; r++) {
        double slower = l == changed && r >= 10 ? factor : 1;
        runs[r] =
            Math.round(means[l] * slower * machine[r] * Math.exp(0.01 * random.nextGaussian()));
      }
      lines.add(runs);
    }
    return lines;
  }

  private static RepeatedRuns.Comparison compareHalves(long[] runs) {
    return RepeatedRuns.compare(
        Arrays.copyOfRange(runs, 0, 10), Arrays.copyOfRange(runs, 10, runs.length));
  }

  @Test
  void relativeToTheSteadyLinesTheMachinesSpeedCancelsAndOnlyTheChangedLineMoves() {
    Random random = new Random(9);
    List<long[]> lines = linesOfRuns(random, 2, 1.1); // the line holding 40 % is 10 % slower
    // by their own times every line looks changed by what the two halves' machines differ by
    assertThat(compareHalves(lines.get(0)).ratio()).isNotWithin(0.05).of(1.0);

    List<long[]> relative = RepeatedRuns.relativeToSteadyLines(lines, 10, 0.01, 5);
    RepeatedRuns.Comparison changed = compareHalves(relative.get(2));
    assertThat(changed.ratio()).isWithin(0.02).of(1.1);
    assertThat(changed.p()).isLessThan(1e-6);
    for (int l : new int[] {0, 1, 3}) {
      // not made to look faster by the changed line: it is no part of their reference
      assertThat(compareHalves(relative.get(l)).ratio()).isWithin(0.02).of(1.0);
    }
  }

  @Test
  void withFewerThanThreeLinesTimedInEveryRunThereIsNothingToCompareWith() {
    Random random = new Random(10);
    List<long[]> lines = linesOfRuns(random, -1, 1);
    lines.get(0)[4] = 0; // a run without a sample on this line
    lines.get(1)[7] = 0;
    assertThat(RepeatedRuns.relativeToSteadyLines(lines, 10, 0.01, 5)).isNull();
    assertThat(RepeatedRuns.relativeToSteadyLines(lines.subList(2, 4), 10, 0.01, 5)).isNull();
  }
}
