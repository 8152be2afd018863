package io.github.lineprof;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileOptionsPrecisionTest {
  @Test
  void precisionDefaultsToOnePointWithNoSampleCapAndRoundTripsThroughTheSettings() {
    assertThat(ProfileOptions.defaults().precision()).isEqualTo(1.0);
    assertThat(ProfileOptions.defaults().samples()).isEqualTo(0);
    ProfileOptions half = ProfileOptions.parse("precision=0.5,samples=3000");
    assertThat(half.precision()).isEqualTo(0.5);
    assertThat(ProfileOptions.defaults().with(half.settings())).isEqualTo(half);
  }

  @Test
  void badPrecisionsAreRefusedInOneLine() {
    for (String bad : new String[] {"0", "-1", "100", "NaN"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> ProfileOptions.parse("precision=" + bad));
      assertThat(e).hasMessageThat().startsWith("precision must be a number of percentage points");
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfileOptions.parse("precision=one"));
    assertThat(e).hasMessageThat().isEqualTo("precision must be a number: 'one'");
    e = assertThrows(IllegalArgumentException.class, () -> ProfileOptions.parse("samples=-1"));
    assertThat(e).hasMessageThat().isEqualTo("samples must be 0 (no cap) or more: -1");
  }
}
