package io.github.lineprof.jmh;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.run.FunctionProfiles;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.Repeats;
import io.github.lineprof.report.stats.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Aggregator;
import org.openjdk.jmh.results.ResultRole;

/**
 * The line statistics of some measurement iterations, as a JMH result: JMH carries it from the fork
 * to the host and sums the iterations and forks of a benchmark with {@link
 * #getIterationAggregator}, then prints {@link #extendedInfo}, the line_profiler tables, under the
 * benchmark's score. Like JMH's own profilers whose result is a text (stack, JFR), it has no score:
 * its row in JMH's result table reads {@code NaN ---}, "see the tables above", rather than a number
 * that would pass for a measurement.
 */
public final class LineProfResult extends org.openjdk.jmh.results.Result<LineProfResult> {
  private static final long serialVersionUID = 1L;
  static final String LABEL = "lineprof";

  private final ProfileStats stats;
  private final List<RunInfo> runs;

  /** The profiler's options as settings: {@link ProfileOptions} itself holds a Path. */
  private final Map<String, String> options;

  private final String benchmark;

  /**
   * Each fork's own statistics by its run's id, so the report keeps the forks' times apart (JMH
   * sums them).
   */
  private final Map<String, ProfileStats> forks;

  /** Each original-mode fork's speed control by its run's id, as {@link #forks}. */
  private final Map<String, Long> controls;

  LineProfResult(
      ProfileStats stats, List<RunInfo> runs, Map<String, String> options, String benchmark) {
    this(stats, runs, options, benchmark, Map.of(forkId(runs), stats), Map.of());
  }

  /** A fork's result in original mode, with the {@code control} nanoseconds the fork timed. */
  LineProfResult(
      ProfileStats stats,
      List<RunInfo> runs,
      Map<String, String> options,
      String benchmark,
      long control) {
    this(
        stats,
        runs,
        options,
        benchmark,
        Map.of(forkId(runs), stats),
        Map.of(forkId(runs), control));
  }

  private LineProfResult(
      ProfileStats stats,
      List<RunInfo> runs,
      Map<String, String> options,
      String benchmark,
      Map<String, ProfileStats> forks,
      Map<String, Long> controls) {
    super(ResultRole.SECONDARY, LABEL, of(Double.NaN), "---", AggregationPolicy.SUM);
    this.stats = stats;
    this.runs = List.copyOf(runs);
    this.options = Map.copyOf(options);
    this.benchmark = benchmark;
    this.forks = new LinkedHashMap<>(forks);
    this.controls = new LinkedHashMap<>(controls);
  }

  /** A fork's result describes the fork alone; its run's id tells the forks apart. */
  private static String forkId(List<RunInfo> runs) {
    return runs.isEmpty() ? "" : String.valueOf(runs.get(0).id());
  }

  @Override
  protected Aggregator<LineProfResult> getThreadAggregator() {
    return LineProfResult::sum;
  }

  @Override
  protected Aggregator<LineProfResult> getIterationAggregator() {
    return LineProfResult::sum;
  }

  private static LineProfResult sum(Collection<LineProfResult> results) {
    ProfileStats stats = new ProfileStats(List.of());
    List<RunInfo> runs = new ArrayList<>();
    Map<String, ProfileStats> forks = new LinkedHashMap<>();
    Map<String, Long> controls = new LinkedHashMap<>();
    LineProfResult any = null;
    for (LineProfResult r : results) {
      stats = stats.plus(r.stats);
      r.runs.stream().filter(run -> !runs.contains(run)).forEach(runs::add);
      r.forks.forEach((id, fork) -> forks.merge(id, fork, ProfileStats::plus));
      controls.putAll(r.controls);
      any = r;
    }
    return new LineProfResult(stats, runs, any.options, any.benchmark, forks, controls);
  }

  /** The tables; also writes the report files of the benchmark, so they match what was printed. */
  @Override
  public String extendedInfo() {
    ProfileOptions parsed = ProfileOptions.defaults().with(options);
    Path directory = parsed.output().resolve(benchmark);
    ProfileOptions here = parsed.with(Map.of("output", directory.toString()));
    Profile profile = new Profile(shown(), runs.isEmpty() ? List.of() : List.of(runs.get(0)));
    List<ProfileStats> each = new ArrayList<>(forks.values());
    try {
      RunPipeline.write(
          new Profile(
              original()
                  ? Repeats.mean(each, forkControls())
                  : Repeats.keepApart(stats, each, null),
              runs),
          here);
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot write the reports to " + directory, e);
    }
    return RunPipeline.text(profile, here)
        + "Reports of "
        + runs.size()
        + " fork(s) written to "
        + directory.toAbsolutePath()
        + "\n";
  }

  /**
   * Every profiled function that ran, as its table shows it: the iterations and forks summed, e.g.
   * from {@code RunResult.getAggregatedResult().getSecondaryResults()}.
   */
  public List<FunctionProfile> functions() {
    return FunctionProfiles.of(shown());
  }

  /**
   * What the table shows. In original mode every measured fork's result holds the one hits fork's
   * counts and its own Time scaled to them: the forks repeat one measurement, and their mean is it
   * (JMH's sum would show N forks' worth of the invocations the note names). In the copy's modes
   * each fork counts its own hits, and the sum is the total.
   */
  private ProfileStats shown() {
    return original() ? Repeats.mean(new ArrayList<>(forks.values()), null) : stats;
  }

  /** Each fork's speed control in {@link #forks}' order; null unless every fork timed one. */
  private long[] forkControls() {
    long[] each = forks.keySet().stream().mapToLong(id -> controls.getOrDefault(id, 0L)).toArray();
    return Arrays.stream(each).allMatch(t -> t > 0) ? each : null;
  }

  private boolean original() {
    return !runs.isEmpty() && runs.get(0).mode().equals("original");
  }

  /** The summed statistics. */
  ProfileStats stats() {
    return stats;
  }
}
