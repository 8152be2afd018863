package io.github.lineprof.report.stats;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileStatsTest {
  private static FunctionStats function(int i, long hits, long nanos) {
    return new FunctionStats(
        new FunctionInfo(
            "p/F" + (i % 50) + ".java",
            "F.f" + i,
            1 + i % 9,
            List.of("void f() {", "  work();", "}")),
        new long[] {0, hits, 0},
        new long[] {0, nanos, 0});
  }

  private static ProfileStats many(int n, long hits, long nanos) {
    List<FunctionStats> functions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      functions.add(function(i, hits, nanos + i));
    }
    return new ProfileStats(functions);
  }

  @Test
  void mergesFortyThousandFunctionsQuicklyAndExactly() {
    ProfileStats a = many(40_000, 1, 100);
    List<FunctionStats> reversed = new ArrayList<>(many(40_000, 2, 1000).functions());
    java.util.Collections.reverse(reversed);
    ProfileStats b = new ProfileStats(reversed);
    // this thread's CPU time: on a busy machine the wall clock counted other programs' work (10 s)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();

    ProfileStats sum = a.plus(b);
    ProfileStats back = sum.minus(b);
    ProfileStats summed =
        ProfileStats.sum(List.of(a, b).stream().flatMap(s -> s.functions().stream()).toList());

    assertThat((threads.getCurrentThreadCpuTime() - start) / 1e9).isLessThan(5.0);
    assertThat(sum.functions()).hasSize(40_000);
    for (int i = 0; i < 40_000; i += 997) {
      FunctionStats f = sum.functions().get(i);
      assertThat(f.info().name()).isEqualTo("F.f" + i); // the first run's order
      assertThat(f.hits(2 + i % 9)).isEqualTo(3);
      assertThat(f.nanos(2 + i % 9)).isEqualTo(1100 + 2L * i);
      assertThat(back.functions().get(i).nanos(2 + i % 9)).isEqualTo(100 + i);
      assertThat(summed.functions().get(i).nanos(2 + i % 9)).isEqualTo(1100 + 2L * i);
    }
  }

  @Test
  void plusKeepsFunctionsOfBothRunsAndMinusOnlyItsOwn() {
    ProfileStats a = new ProfileStats(List.of(function(0, 1, 10), function(1, 1, 10)));
    ProfileStats b = new ProfileStats(List.of(function(2, 1, 10), function(1, 2, 20)));

    assertThat(a.plus(b).functions().stream().map(f -> f.info().name()).toList())
        .containsExactly("F.f0", "F.f1", "F.f2")
        .inOrder();
    assertThat(a.plus(b).functions().get(1).totalHits()).isEqualTo(3);
    assertThat(a.plus(b).minus(b).functions().stream().map(f -> f.info().name()).toList())
        .containsExactly("F.f0", "F.f1", "F.f2")
        .inOrder();
  }

  @Test
  void refusesToSumAnotherSourceTextOfTheSameFunction() {
    FunctionStats f = function(0, 1, 10);
    FunctionStats edited =
        new FunctionStats(
            new FunctionInfo(
                f.info().file(),
                f.info().name(),
                f.info().firstLine(),
                List.of("void f() {", "  work(); work();", "}")),
            new long[3],
            new long[3]);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.plus(edited));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("F.f0 (p/F0.java:1): the source text differs between the runs");
  }

  @Test
  void refusesSumsBeyondALong() {
    FunctionStats f = function(0, Long.MAX_VALUE, 10);

    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> f.plus(function(0, 1, 10)));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("F.f0, line 2: the sum is beyond the largest count, " + Long.MAX_VALUE);
  }

  @Test
  void callsAreSummedWhenBothRunsCountedThem() {
    FunctionStats counted = function(0, 4, 10).withCalls(2);

    assertThat(counted.plus(counted).calls()).hasValue(4);
    assertThat(counted.plus(function(0, 4, 10)).calls()).isEmpty();
    assertThat(counted.calibrated(1).calls()).hasValue(2);
  }

  @Test
  void aFunctionsLinesMustHaveIntLineNumbers() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FunctionInfo("F.java", "F.f", Integer.MAX_VALUE, List.of("void f() {", "}")));
    assertThat(e).hasMessageThat().contains("beyond the largest line number");
    assertThat(
            new FunctionInfo("F.java", "F.f", Integer.MAX_VALUE - 1, List.of("void f() {", "}"))
                .lastLine())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void bytesAndSamplesAreSummedWhenBothRunsMeasuredThem() {
    FunctionStats measured =
        function(0, 4, 10).withBytes(new long[] {0, 1000, 0}).withSamples(new long[] {0, 7, 0});

    FunctionStats sum = measured.plus(measured);
    assertThat(sum.bytes(2)).isEqualTo(2000);
    assertThat(sum.samples(2)).isEqualTo(14);
    assertThat(sum.totalBytes()).isEqualTo(2000);
    assertThat(measured.calibrated(1).bytes(2)).isEqualTo(1000);
    // One run's bytes under both runs' hits would understate the line: the column goes.
    FunctionStats mixed = measured.plus(function(0, 4, 10));
    assertThat(mixed.hasBytes()).isFalse();
    assertThat(mixed.hasSamples()).isFalse();
    assertThrows(IllegalStateException.class, () -> mixed.bytes(2));
  }
}
