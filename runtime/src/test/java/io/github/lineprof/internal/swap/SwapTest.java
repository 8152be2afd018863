package io.github.lineprof.internal.swap;

import static com.google.common.truth.Truth.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a copy may replace its original, on the harness's loader and in the rule the agent uses. */
class SwapTest {
  @TempDir Path dir;

  private static String valueIn(CraftedClasspath classpath) throws Exception {
    return valueIn(classpath, CraftedClasspath.CLASS);
  }

  private static String valueIn(CraftedClasspath classpath, String name) throws Exception {
    try (SwapClassLoader loader =
        new SwapClassLoader(new URL[] {classpath.url()}, SwapTest.class.getClassLoader())) {
      return (String) loader.loadClass(name).getMethod("value").invoke(null);
    }
  }

  @Test
  void aClassWhoseSourceLineprofDidNotInstrumentKeepsItsOwnBytes() throws Exception {
    int skipped = SwapLog.skippedClasses();

    assertThat(valueIn(new CraftedClasspath(dir), CraftedClasspath.GENERATED))
        .isEqualTo("original");
    assertThat(SwapLog.skippedClasses())
        .isEqualTo(skipped); // not asked to be profiled: nothing to report
  }

  @Test
  void aCopyWithoutFingerprintIsSwappedIn() throws Exception {
    assertThat(valueIn(new CraftedClasspath(dir))).isEqualTo("copy");
  }

  @Test
  void aCopyBuiltFromThisOriginalIsSwappedIn() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    classpath.fingerprint(classpath.original());

    assertThat(valueIn(classpath)).isEqualTo("copy");
  }

  @Test
  void aStaleCopyIsNeverSwappedIn() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    classpath.fingerprint(
        "the class as it was when the copy was built".getBytes(StandardCharsets.UTF_8));

    assertThat(valueIn(classpath)).isEqualTo("original");
    assertThat(SwapLog.settings().get("skipped"))
        .containsMatch(
            "class(es)? changed since its instrumented copy was built: rebuild with mvn"
                + " process-classes: ([^;]*, )?crafted.A");
  }

  @Test
  void bytesAnotherAgentTransformedAreKept() throws Exception {
    CraftedClasspath classpath = new CraftedClasspath(dir);
    byte[] transformed = classpath.original();
    transformed[transformed.length - 1] ^= 1;
    try (SwapClassLoader resources = new SwapClassLoader(new URL[] {classpath.url()}, null)) {
      assertThat(Swap.copy(resources::findResource, resources, CraftedClasspath.CLASS, transformed))
          .isNull();
      assertThat(
              Swap.copy(
                  resources::findResource, resources, CraftedClasspath.CLASS, classpath.original()))
          .isNotNull();
    }
    assertThat(SwapLog.settings().get("skipped"))
        .contains(
            "transformed by an agent that ran before lineprof: put -javaagent:lineprof-runtime.jar before the other"
                + " agent to profile these classes: crafted.A");
  }
}
