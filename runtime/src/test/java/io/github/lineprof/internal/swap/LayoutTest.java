package io.github.lineprof.internal.swap;

import static com.google.common.truth.Truth.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LayoutTest {
  @Test
  void theFingerprintIsTheLowercaseHexSha256OfTheClassFile() {
    // FIPS 180-2's example for "abc"
    assertThat(Layout.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void copiesAndTheirSourcesAreUnderLineprofsFolder() {
    assertThat(Layout.COPY_CLASSES).isEqualTo("META-INF/lineprof/classes/");
    assertThat(Layout.COPY_SOURCES).isEqualTo("META-INF/lineprof/src/");
    assertThat(Layout.classFile("a.b.C$D")).isEqualTo("a/b/C$D.class");
  }

  @Test
  void aLineTableBelongsToTheCopyOfItsSourceFile() {
    assertThat(Layout.copySourceOfLineTable("a/b/" + Layout.lineTable("Walk") + ".class"))
        .isEqualTo("META-INF/lineprof/src/a/b/Walk.java");
    assertThat(Layout.copySourceOfLineTable("LineProf_Walk$T1.class"))
        .isEqualTo("META-INF/lineprof/src/Walk.java");
    assertThat(Layout.copySourceOfLineTable("a/b/Walk.class")).isNull();
    assertThat(Layout.copySourceOfLineTable("a/b/LineProf_.class")).isNull();
    assertThat(Layout.copySourceOfLineTable("a/b/LineProf_Walk.java")).isNull();
  }
}
