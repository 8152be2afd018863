package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.RunInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Two runs of one function for the diff's tests, here and in the command line's (through this
 * module's test jar). Before: walk at line 10. After: two lines added above it, {@code s = 0}
 * became {@code s = 1}, {@code s += step(i)} re-indented and half as slow, {@code s *= 2} added.
 */
public final class WalkDiffFixtures {
  public static final FunctionInfo WALK_BEFORE =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.walk",
          10,
          List.of(
              "@LineProfile",
              "static int walk(int n) {",
              "  int s = 0;",
              "  for (int i = 0; i < n; i++) {",
              "    s += step(i);",
              "  }",
              "  return s;",
              "}"));

  public static final FunctionInfo WALK_AFTER =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.walk",
          12,
          List.of(
              "@LineProfile",
              "static int walk(int n) {",
              "  int s = 1;",
              "  for (int i = 0; i < n; i++) {",
              "      s += step(i);",
              "  }",
              "  s *= 2;",
              "  return s;",
              "}"));

  public static final FunctionStats BEFORE_WALK =
      new FunctionStats(
          WALK_BEFORE,
          new long[] {0, 0, 1, 11, 10, 0, 1, 0},
          new long[] {0, 0, 400, 2_100, 1_000_000, 0, 380, 0});

  public static final FunctionStats AFTER_WALK =
      new FunctionStats(
          WALK_AFTER,
          new long[] {0, 0, 1, 11, 10, 0, 1, 1, 0},
          new long[] {0, 0, 420, 2_150, 500_000, 0, 90, 380, 0});

  private WalkDiffFixtures() {}

  /** A run of {@code mode} whose time came from {@code timeSource} (null: not stated). */
  public static RunInfo run(String mode, String timeSource) {
    return new RunInfo(
            Instant.parse("2026-01-01T10:00:00Z"),
            mode,
            Map.of(),
            new RunInfo.Jvm("vendor", "17", "vm", "17+1", List.of()),
            new RunInfo.Machine("Linux", "6", "amd64", 2))
        .withSources("instrumented copy, 1 invocation", timeSource);
  }
}
