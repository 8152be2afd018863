package io.github.lineprof.agent;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.swap.CraftedClasspath;
import io.github.lineprof.internal.swap.SwapLog;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent swaps a copy in only where the class's loader reaches lineprof's probes. */
class SwapTransformerTest {
  @TempDir Path dir;

  private static byte[] transform(ClassLoader loader, byte[] original) {
    return new SwapTransformer().transform(loader, "crafted/A", null, null, original);
  }

  @Test
  void aLoaderThatSeesTheProbesGetsTheCopy() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.url()}, getClass().getClassLoader())) {
      assertThat(transform(loader, classpath.original())).isNotNull();
    }
  }

  @Test
  void anIsolatedLoaderKeepsTheOriginalAndTheReportSaysWhy() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    try (URLClassLoader loader = new URLClassLoader("isolated", new URL[] {classpath.url()},
        ClassLoader.getPlatformClassLoader())) {
      assertThat(transform(loader, classpath.original())).isNull();
    }
    assertThat(SwapLog.settings().get("skipped")).contains("loaded by a class loader that cannot see lineprof's"
        + " probes: crafted.A (loader 'isolated' java.net.URLClassLoader)");
  }
}
