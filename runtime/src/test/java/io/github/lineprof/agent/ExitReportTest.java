package io.github.lineprof.agent;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.swap.CraftedClasspath;
import io.github.lineprof.report.stats.ProfileStats;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the agent says at exit when no profiled line ran. */
class ExitReportTest {
  @TempDir Path fresh;
  @TempDir Path stale;

  @Test
  void aStaleCopyIsNamedEvenWhenOtherCopiesWereLoaded() throws Exception {
    CraftedClasspath swapped = new CraftedClasspath(fresh);
    CraftedClasspath changed = new CraftedClasspath(stale);
    changed.fingerprint(
        "the class as it was when the copy was built".getBytes(StandardCharsets.UTF_8));
    for (CraftedClasspath classpath : List.of(swapped, changed)) {
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {classpath.url()}, getClass().getClassLoader())) {
        new SwapTransformer().transform(loader, "crafted/A", null, null, classpath.original());
      }
    }

    assertThat(ExitReport.nothingProfiled(new ProfileStats(List.of())))
        .containsMatch(
            "^\\d+ classes ran their instrumented copy, none of their profiled methods ran, and these ran their"
                + " original: .*changed since its instrumented copy was built: rebuild with mvn process-classes: ");
  }
}
