package io.github.lineprof.report.stats;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatsTest {
  private static final FunctionInfo F =
      new FunctionInfo("demo/A.java", "A.a", 3, List.of("void a() {", "  work();", "}"));

  private static ProfileStats run(long nanos, long bytes, long samples) {
    return new ProfileStats(
        List.of(
            new FunctionStats(F, new long[] {0, 7, 0}, new long[] {0, nanos, 0})
                .withBytes(new long[] {0, bytes, 0})
                .withSamples(new long[] {0, samples, 0})));
  }

  @Test
  void theMeanOfRepeatsKeepsEachRunApart() {
    FunctionStats mean =
        Repeats.mean(List.of(run(100, 10, 1), run(200, 20, 2), run(301, 30, 3)), null)
            .functions()
            .get(0);
    assertThat(mean.hits(4)).isEqualTo(7);
    assertThat(mean.nanos(4)).isEqualTo(200); // 601 / 3, rounded
    assertThat(mean.bytes(4)).isEqualTo(20);
    assertThat(mean.samples(4)).isEqualTo(6);
    assertThat(mean.runCount()).isEqualTo(3);
    assertThat(mean.runNanos(2, 4)).isEqualTo(301);
  }

  @Test
  void oneRunIsReportedAsBefore() {
    assertThat(Repeats.mean(List.of(run(100, 10, 1)), null).functions().get(0).runCount())
        .isEqualTo(0);
  }

  @Test
  void aSumOfForksKeepsEachForkOnTheSumsScale() {
    ProfileStats a = run(100, 10, 1);
    ProfileStats b = run(300, 30, 3);
    FunctionStats kept = Repeats.keepApart(a.plus(b), List.of(a, b), null).functions().get(0);
    assertThat(kept.nanos(4)).isEqualTo(400);
    assertThat(kept.runNanos(0, 4)).isEqualTo(200);
    assertThat(kept.runNanos(1, 4)).isEqualTo(600); // their mean is the sum's 400
  }

  @Test
  void aMergeOfTwoReportsDropsTheirRuns() {
    FunctionStats merged =
        Repeats.mean(List.of(run(1, 1, 1), run(2, 2, 2)), new long[] {40, 41})
            .plus(Repeats.mean(List.of(run(1, 1, 1), run(2, 2, 2)), new long[] {40, 41}))
            .functions()
            .get(0);
    assertThat(merged.runCount()).isEqualTo(0);
    assertThat(merged.hasRunControl()).isFalse();
  }

  @Test
  void eachRunKeepsTheSpeedControlItTimed() {
    FunctionStats mean =
        Repeats.mean(List.of(run(100, 10, 1), run(200, 20, 2)), new long[] {50_000, 61_000})
            .functions()
            .get(0);
    assertThat(mean.runControl(0)).isEqualTo(50_000);
    assertThat(mean.runControl(1)).isEqualTo(61_000);
    FunctionStats kept =
        Repeats.keepApart(
                run(300, 30, 3), List.of(run(100, 10, 1), run(200, 20, 2)), new long[] {7, 8})
            .functions()
            .get(0);
    assertThat(kept.runControl(1)).isEqualTo(8);
    assertThat(
            Repeats.mean(List.of(run(1, 1, 1), run(2, 2, 2)), null)
                .functions()
                .get(0)
                .hasRunControl())
        .isFalse();
  }

  @Test
  void pooledReportsKeepEveryRunInOrderWithItsSpeedControl() {
    ProfileStats first = Repeats.mean(List.of(run(100, 10, 1), run(200, 20, 2)), new long[] {7, 8});
    ProfileStats second =
        Repeats.mean(List.of(run(400, 40, 4), run(500, 50, 5)), new long[] {9, 6});

    FunctionStats pooled = Repeats.pooled(List.of(first, second)).functions().get(0);

    assertThat(pooled.runCount()).isEqualTo(4);
    assertThat(List.of(pooled.runNanos(0, 4), pooled.runNanos(1, 4), pooled.runNanos(2, 4)))
        .containsExactly(100L, 200L, 400L)
        .inOrder();
    assertThat(pooled.runNanos(3, 4)).isEqualTo(500);
    assertThat(pooled.nanos(4)).isEqualTo(300);
    assertThat(pooled.hits(4)).isEqualTo(7);
    assertThat(pooled.samples(4)).isEqualTo(12); // every run's samples, counted once
    assertThat(pooled.bytes(4)).isEqualTo(30);
    assertThat(List.of(pooled.runControl(0), pooled.runControl(2), pooled.runControl(3)))
        .containsExactly(7L, 9L, 6L)
        .inOrder();
  }

  @Test
  void pooledSingleRunsBecomeRunsAndAControlSomeRunsLackIsDropped() {
    ProfileStats twoRuns =
        Repeats.mean(List.of(run(100, 10, 1), run(200, 20, 2)), new long[] {7, 8});

    FunctionStats pooled =
        Repeats.pooled(List.of(run(300, 30, 3), twoRuns, run(600, 60, 6))).functions().get(0);

    assertThat(pooled.runCount()).isEqualTo(4);
    assertThat(pooled.runNanos(0, 4)).isEqualTo(300);
    assertThat(pooled.runNanos(2, 4)).isEqualTo(200);
    assertThat(pooled.runNanos(3, 4)).isEqualTo(600);
    assertThat(pooled.nanos(4)).isEqualTo(300);
    // the single runs timed no control: judged by their time alone, not against half a control
    assertThat(pooled.hasRunControl()).isFalse();
  }
}
