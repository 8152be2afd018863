package io.github.lineprof.report.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Several independent measurements of the same code (harness repeats, JMH forks) as one report that
 * keeps each measurement's line times apart: a later comparison has distributions, not one number.
 */
public final class Repeats {
  private Repeats() {}

  /**
   * The mean of {@code runs}, each a measurement of the same functions with the same hits: hits of
   * the first, the mean of times and bytes, the sum of samples (they all count toward how sure the
   * times are), and each run's times kept apart when there are two or more, with the speed control
   * each run timed ({@code control[r]} nanoseconds in run {@code r}; null when they did not). Bytes
   * and samples are kept where every run has them.
   *
   * @throws IllegalArgumentException when the samples sum beyond a {@code long}
   */
  public static ProfileStats mean(List<ProfileStats> runs, long[] control) {
    if (runs.size() == 1) {
      return runs.get(0);
    }
    List<FunctionStats> functions = new ArrayList<>();
    List<Map<FunctionInfo.Key, FunctionStats>> byKey = runs.stream().map(Repeats::byKey).toList();
    for (FunctionStats first : runs.get(0).functions()) {
      FunctionInfo info = first.info();
      int n = info.lines().size();
      List<FunctionStats> of =
          byKey.stream().map(run -> run.get(info.key())).filter(f -> f != null).toList();
      boolean allBytes = of.size() == runs.size() && of.stream().allMatch(FunctionStats::hasBytes);
      boolean allSamples =
          of.size() == runs.size() && of.stream().allMatch(FunctionStats::hasSamples);
      long[] hits = new long[n];
      long[] nanos = new long[n];
      long[] bytes = allBytes ? new long[n] : null;
      long[] samples = allSamples ? new long[n] : null;
      List<long[]> perRun = new ArrayList<>();
      for (Map<FunctionInfo.Key, FunctionStats> run : byKey) {
        FunctionStats f = run.get(info.key());
        long[] times = new long[n];
        for (int i = 0; f != null && i < n; i++) {
          times[i] = f.nanos(info.firstLine() + i);
        }
        perRun.add(times);
      }
      for (int i = 0; i < n; i++) {
        int line = info.firstLine() + i;
        hits[i] = first.hits(line);
        int at = i;
        nanos[i] = mean(perRun.stream().mapToLong(times -> times[at]).toArray());
        if (bytes != null) {
          bytes[i] = mean(of.stream().mapToLong(f -> f.bytes(line)).toArray());
        }
        if (samples != null) {
          try {
            samples[i] = of.stream().mapToLong(f -> f.samples(line)).reduce(0, Math::addExact);
          } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                info.name() + " line " + line + ": the samples sum beyond the largest count");
          }
        }
      }
      FunctionStats mean =
          controlled(new FunctionStats(info, hits, nanos).withRunNanos(perRun), control);
      if (bytes != null) {
        mean = mean.withBytes(bytes);
      }
      if (samples != null) {
        mean = mean.withSamples(samples);
      }
      if (first.calls().isPresent()) {
        mean = mean.withCalls(first.calls().getAsLong());
      }
      functions.add(mean);
    }
    return new ProfileStats(functions);
  }

  /**
   * {@code sum}, the sum of {@code runs} (e.g. JMH's sum of its forks), with each run's times kept
   * apart, scaled to the sum's scale: a run's times times the number of runs, so that {@code sum}'s
   * times are their mean, with the speed control each run timed (as {@link #mean}). Unchanged for a
   * single run.
   */
  public static ProfileStats keepApart(ProfileStats sum, List<ProfileStats> runs, long[] control) {
    if (runs.size() < 2) {
      return sum;
    }
    List<Map<FunctionInfo.Key, FunctionStats>> byKey = runs.stream().map(Repeats::byKey).toList();
    List<FunctionStats> functions = new ArrayList<>();
    for (FunctionStats f : sum.functions()) {
      FunctionInfo info = f.info();
      List<long[]> perRun = new ArrayList<>();
      for (Map<FunctionInfo.Key, FunctionStats> run : byKey) {
        FunctionStats r = run.get(info.key());
        long[] times = new long[info.lines().size()];
        for (int i = 0; r != null && i < times.length; i++) {
          times[i] = r.nanos(info.firstLine() + i) * runs.size();
        }
        perRun.add(times);
      }
      functions.add(controlled(f.withRunNanos(perRun), control));
    }
    return new ProfileStats(functions);
  }

  /**
   * Reports of repeated measurements of the same work, each of one run or of several kept apart, as
   * one report of all their runs in order, as {@link #mean} makes of the runs themselves: for
   * reports recorded in turn with another build's, so that both sides of a comparison saw the same
   * stretches of the machine's time. The speed control is kept when every run timed one. Hits are
   * the first report's: the caller checks that the reports measured the same work.
   */
  public static ProfileStats pooled(List<ProfileStats> reports) {
    List<ProfileStats> runs = new ArrayList<>();
    List<Long> control = new ArrayList<>();
    for (ProfileStats report : reports) {
      int count = report.functions().stream().mapToInt(FunctionStats::runCount).max().orElse(0);
      if (count < 2) {
        runs.add(report);
        continue;
      }
      report.functions().stream()
          .filter(FunctionStats::hasRunControl)
          .findFirst()
          .ifPresent(f -> IntStream.range(0, count).forEach(r -> control.add(f.runControl(r))));
      for (int r = 0; r < count; r++) {
        int run = r;
        runs.add(new ProfileStats(report.functions().stream().map(f -> f.run(run)).toList()));
      }
    }
    long[] controls =
        control.size() == runs.size()
            ? control.stream().mapToLong(Long::longValue).toArray()
            : null;
    return mean(runs, controls);
  }

  /** The mean of counts, rounded half up, with no sum that could overflow. */
  private static long mean(long[] values) {
    long quotient = 0;
    long remainder = 0;
    for (long value : values) {
      quotient += value / values.length;
      remainder += value % values.length;
    }
    return quotient + Math.round(remainder / (double) values.length);
  }

  private static FunctionStats controlled(FunctionStats f, long[] control) {
    return control == null ? f : f.withRunControl(control);
  }

  private static Map<FunctionInfo.Key, FunctionStats> byKey(ProfileStats stats) {
    Map<FunctionInfo.Key, FunctionStats> byKey = new HashMap<>();
    stats.functions().forEach(f -> byKey.merge(f.info().key(), f, FunctionStats::plus));
    return byKey;
  }
}
