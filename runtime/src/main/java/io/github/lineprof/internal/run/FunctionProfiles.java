package io.github.lineprof.internal.run;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.ProfiledLine;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The public, read-only views of the statistics: what the harness's result and the JMH profiler's
 * result hand to their callers, so that no caller outside the module sees an internal type.
 */
public final class FunctionProfiles {
  private FunctionProfiles() {}

  /** Every function of {@code stats}, as its table shows it. */
  public static List<FunctionProfile> of(ProfileStats stats) {
    return stats.functions().stream().map(FunctionProfiles::of).toList();
  }

  private static FunctionProfile of(FunctionStats f) {
    FunctionInfo info = f.info();
    List<ProfiledLine> lines =
        IntStream.rangeClosed(info.firstLine(), info.lastLine())
            .mapToObj(
                line ->
                    new ProfiledLine(
                        line,
                        info.lines().get(line - info.firstLine()),
                        info.depth(line),
                        f.hits(line),
                        f.nanos(line),
                        f.hasBytes() ? OptionalLong.of(f.bytes(line)) : OptionalLong.empty()))
            .toList();
    return new FunctionProfile(info.file(), info.name(), info.firstLine(), f.totalNanos(), lines);
  }
}
