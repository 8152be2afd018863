package io.github.lineprof.report.stats;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
  @Test
  void bucketsArePowersOfTwoFrom16Nanoseconds() {
    assertThat(Spread.bucket(-5)).isEqualTo(0);
    assertThat(Spread.bucket(15)).isEqualTo(0);
    assertThat(Spread.bucket(16)).isEqualTo(1);
    assertThat(Spread.bucket(31)).isEqualTo(1);
    assertThat(Spread.bucket(32)).isEqualTo(2);
    assertThat(Spread.bucket(1_000_000)).isEqualTo(Spread.bucket(1L << 19));
    assertThat(Spread.bucket((1L << 34) - 1)).isEqualTo(Spread.BUCKETS - 2);
    assertThat(Spread.bucket(Long.MAX_VALUE)).isEqualTo(Spread.BUCKETS - 1);
    for (int b = 0; b < Spread.BUCKETS; b++) {
      assertThat(Spread.bucket(Spread.lowerBound(b))).isEqualTo(b);
      assertThat(Spread.bucketOfLowerBound(Spread.lowerBound(b))).isEqualTo(b);
    }
    assertThat(Spread.bucketOfLowerBound(17)).isEqualTo(-1);
  }

  @Test
  void statisticsAreTheMiddlesOfTheirBuckets() {
    long[] counts = new long[Spread.BUCKETS];
    int fast = Spread.bucket(1_000);
    int slow = Spread.bucket(1_000_000);
    counts[fast] = 98;
    counts[slow] = 2;
    Spread.Summary s = Spread.summary(counts, 0, (98 * 1_000 + 2 * 1_000_000) / 100.0);
    assertThat(s.min()).isEqualTo(Math.round(Spread.middle(fast)));
    assertThat(s.median()).isEqualTo(Math.round(Spread.middle(fast)));
    assertThat(s.p99()).isEqualTo(Math.round(Spread.middle(slow))); // the 99th of 100 hits is slow
    assertThat(s.max()).isEqualTo(Math.round(Spread.middle(slow)));
  }

  @Test
  void hitsOfOneBucketShowTheMean() {
    long[] counts = new long[2 * Spread.BUCKETS];
    counts[Spread.BUCKETS + Spread.bucket(1_060_000)] = 10;
    assertThat(Spread.summary(counts, Spread.BUCKETS, 1_060_000))
        .isEqualTo(new Spread.Summary(1_060_000, 1_060_000, 1_060_000, 1_060_000));
    assertThat(Spread.summary(counts, 0, 0)).isNull();
  }

  @Test
  void spreadsSumLikeHitsAndOnlyWhenBothRunsHaveOne() {
    FunctionInfo info = new FunctionInfo("T.java", "T.f", 1, List.of("a", "b"));
    long[] buckets = new long[2 * Spread.BUCKETS];
    buckets[Spread.BUCKETS + 3] = 2;
    FunctionStats timed =
        new FunctionStats(info, new long[] {0, 2}, new long[] {0, 200}).withSpread(buckets);

    FunctionStats twice = timed.plus(timed);
    assertThat(twice.buckets(2)[3]).isEqualTo(4);
    assertThat(twice.spread(1)).isNull();
    assertThat(twice.minus(timed).buckets(2)[3]).isEqualTo(2);
    assertThat(twice.withCalls(3).calibrated(0).hasSpread()).isTrue();
    assertThat(
            timed.plus(new FunctionStats(info, new long[] {0, 1}, new long[] {0, 9})).hasSpread())
        .isFalse();
  }
}
