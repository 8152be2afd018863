package io.github.lineprof;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileOptionsRunsTest {
  @Test
  void runsDefaultToOneAndRoundTripThroughTheSettings() {
    assertThat(ProfileOptions.defaults().runs()).isEqualTo(1);
    ProfileOptions five = ProfileOptions.parse("runs=5");
    assertThat(five.runs()).isEqualTo(5);
    assertThat(five.settings()).containsEntry("runs", "5");
    assertThat(ProfileOptions.defaults().with(five.settings()).runs()).isEqualTo(5);
  }

  @Test
  void runsBelowOneAreRefusedInOneLine() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProfileOptions.parse("runs=0"));
    assertThat(e).hasMessageThat().isEqualTo("runs must be 1 or more: 0");
  }
}
