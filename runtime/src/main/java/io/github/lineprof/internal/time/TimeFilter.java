package io.github.lineprof.internal.time;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedThread;

/**
 * Which events of a recording count: those of the accepted threads, within {@code [from, to)}. A
 * duration event that straddles a bound counts for the part within.
 */
public record TimeFilter(Predicate<RecordedThread> threads, Instant from, Instant to) {
  @SuppressWarnings("UnnecessaryLambda") // a sentinel, compared by identity in accepts
  private static final Predicate<RecordedThread> ANY_THREAD = thread -> true;

  public TimeFilter {
    Objects.requireNonNull(threads);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
  }

  /** Every event of every thread. */
  public static TimeFilter everything() {
    return new TimeFilter(ANY_THREAD, Instant.MIN, Instant.MAX);
  }

  /** The events of one thread, by {@code Thread.getId()}. */
  public static TimeFilter thread(long javaThreadId) {
    return new TimeFilter(t -> t.getJavaThreadId() == javaThreadId, Instant.MIN, Instant.MAX);
  }

  /** The same threads, within {@code [from, to)} only. */
  public TimeFilter between(Instant from, Instant to) {
    return new TimeFilter(threads, from, to);
  }

  boolean accepts(RecordedThread thread) {
    return threads == ANY_THREAD || (thread != null && threads.test(thread));
  }

  boolean windowed() {
    return !from.equals(Instant.MIN) || !to.equals(Instant.MAX);
  }
}
