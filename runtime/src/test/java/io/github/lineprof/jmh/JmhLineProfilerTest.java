package io.github.lineprof.jmh;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.ProfileOptions.Mode;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

/**
 * The profiler's options: what JMH does not read is refused; its forks' agent gets what it reads.
 */
class JmhLineProfilerTest {
  @Test
  void refusesHarnessOptionsInOneLine() {
    ProfilerException e =
        assertThrows(ProfilerException.class, () -> new JmhLineProfiler("runs=3"));

    assertThat(e).hasMessageThat().isEqualTo("lineprof: runs=3 applies to the harness, not to JMH");
  }

  @Test
  void aForksAgentGetsOnlyTheOptionsItReads() {
    String fork =
        JmhLineProfiler.forkAgentOptions(
            JmhLineProfiler.parse("period=2ms;unit=1e-6;formats=txt"), Mode.SAMPLED);

    assertThat(fork).contains("mode=sampled");
    assertThat(fork).contains("formats=none");
    assertThat(fork).contains("unit=1.0E-6");
    assertThat(fork).doesNotContain("period");
    assertThat(fork).doesNotContain("runs");
  }
}
