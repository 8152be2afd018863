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
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classpath.url()}, getClass().getClassLoader())) {
      assertThat(transform(loader, classpath.original())).isNotNull();
    }
  }

  /**
   * Defines crafted.A itself, from its parent's bytes, and takes every other class from the parent.
   */
  private static final class Isolating extends ClassLoader {
    Isolating(ClassLoader parent) {
      super("isolating", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!name.equals(CraftedClasspath.CLASS)) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (var in = getParent().getResourceAsStream("crafted/A.class")) {
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (java.io.IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }

  @Test
  void aLoaderThatDefinesTheClassButNotItsLineTableKeepsTheOriginal() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    try (URLClassLoader parent =
        new URLClassLoader(new URL[] {classpath.url()}, getClass().getClassLoader())) {
      assertThat(transform(new Isolating(parent), classpath.original())).isNull();
    }
    assertThat(SwapLog.settings().get("skipped"))
        .contains(
            "defined by a class loader that leaves the rest of its"
                + " package to another loader, so its copy could not reach its line table: crafted.A (loader 'isolating' "
                + Isolating.class.getName()
                + ")");
  }

  @Test
  void aClassLineprofDidNotInstrumentKeepsItsBytes() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classpath.url()}, getClass().getClassLoader())) {
      assertThat(
              new SwapTransformer()
                  .transform(
                      loader,
                      "crafted/Gen",
                      null,
                      null,
                      java.nio.file.Files.readAllBytes(
                          classpath.root.resolve("crafted/Gen.class"))))
          .isNull();
    }
  }

  @Test
  void anIsolatedLoaderKeepsTheOriginalAndTheReportSaysWhy() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    try (URLClassLoader loader =
        new URLClassLoader(
            "isolated", new URL[] {classpath.url()}, ClassLoader.getPlatformClassLoader())) {
      assertThat(transform(loader, classpath.original())).isNull();
    }
    assertThat(SwapLog.settings().get("skipped"))
        .contains(
            "loaded by a class loader that cannot see lineprof's"
                + " probes: crafted.A (loader 'isolated' java.net.URLClassLoader)");
  }
}
