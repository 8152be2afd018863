package io.github.lineprof.benchmarks;

import static com.google.common.truth.Truth.assertThat;

import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The demo's jar holds only its own classes; its instrumented copies come from its {@code lineprof}
 * jar, which benchmarks.jar shades in beside it, so the JMH profiler finds them.
 */
class ShadedJarIT {
  @Test
  void theShadedJarCarriesTheDemosInstrumentedCopies() throws Exception {
    try (ZipFile jar = new ZipFile("target/benchmarks.jar")) {
      assertThat(jar.getEntry("io/github/lineprof/demo/Simulation.class")).isNotNull();
      assertThat(jar.getEntry("io/github/lineprof/demo/LineProf_Simulation.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/lineprof/classes/io/github/lineprof/demo/Simulation.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/lineprof/src/io/github/lineprof/demo/Simulation.java")).isNotNull();
    }
  }
}
