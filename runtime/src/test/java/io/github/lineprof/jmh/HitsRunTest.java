package io.github.lineprof.jmh;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.ProfileOptions;
import org.junit.jupiter.api.Test;

/** The instrumented run's profiler options: the user's, in sampled mode, without reports. */
class HitsRunTest {
  @Test
  void theUsersModeAndFormatsGiveWayWithoutAnOptionGivenTwice() {
    ProfileOptions hits =
        JmhLineProfiler.parse(HitsRun.hitsRunOptions("mode=original;unit=1e-6;formats=txt"));

    assertThat(hits.mode()).isEqualTo(ProfileOptions.Mode.SAMPLED);
    assertThat(hits.formats()).isEmpty();
    assertThat(hits.unit()).isEqualTo(1e-6);
    assertThat(hits.output()).isEqualTo(JmhLineProfiler.parse("").output());
  }
}
