package io.github.lineprof.internal.time;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class NonSafepointDebugInfoTest {
  @Test
  void seesTheFlagSurefireStartsTheTestsWith() {
    assertThat(NonSafepointDebugInfo.isOn()).isTrue();
  }
}
