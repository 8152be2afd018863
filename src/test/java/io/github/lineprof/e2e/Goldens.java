package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** How the end-to-end tests profile their samples and compare the tables with golden files. */
final class Goldens {
  private Goldens() {}

  /** Profiles one invocation through the swap, quietly: no print, no files, no original run. */
  static ProfileResult profile(Scenario scenario) {
    return LineProfiler.create()
        .outputDirectory(null)
        .printTo(null)
        .compareWithOriginal(false)
        .run(scenario);
  }

  /** The function of that name in a run's result. */
  static FunctionProfile function(ProfileResult result, String name) {
    return result.functions().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + result.functions()));
  }

  /** The Line # and Hits columns of a table and the source text: what must be exact. */
  static String hitsView(FunctionProfile f) {
    return f.lines().stream()
        .map(
            line ->
                String.format(
                    "%6d %9s  %s",
                    line.number(), line.hits() == 0 ? "" : line.hits(), line.source()))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** The Hits column (with line numbers and source) of one function equals its golden file. */
  static void assertHitsMatch(ProfileResult result, String function, String goldenFile)
      throws IOException {
    assertThat(hitsView(function(result, function))).isEqualTo(golden(goldenFile));
  }

  /** A golden file from src/test/resources/golden/. */
  static String golden(String name) throws IOException {
    try (InputStream in = Goldens.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new AssertionError("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
