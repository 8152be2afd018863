package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeProtocolTest {
  @Test
  void theProtocolNamesFunctionProbesMethodsWithTheSignaturesCopiesCall() throws Exception {
    Class<?> probe = Class.forName(ProbeProtocol.PROBE_CLASS);
    assertThat(probe).isEqualTo(FunctionProbe.class);

    assertSignature(
        probe.getMethod(
            ProbeProtocol.REGISTER,
            String.class,
            String.class,
            int.class,
            String.class,
            String[].class),
        true,
        probe);
    assertSignature(probe.getMethod(ProbeProtocol.COUNTERS), false, long[].class);
    assertSignature(probe.getMethod(ProbeProtocol.ENTER, long[].class), false, long.class);
    assertSignature(
        probe.getMethod(ProbeProtocol.LINE, long[].class, int.class, int.class, long.class),
        false,
        long.class);
    assertSignature(probe.getMethod(ProbeProtocol.EXIT, int.class, long.class), false, void.class);
    assertSignature(probe.getMethod(ProbeProtocol.ENTER_NESTED, long[].class), false, long.class);
    assertSignature(
        probe.getMethod(ProbeProtocol.LINE_NESTED, long[].class, int.class, int.class, long.class),
        false,
        long.class);
    assertSignature(
        probe.getMethod(ProbeProtocol.EXIT_NESTED, int.class, long.class), false, void.class);
  }

  private static void assertSignature(Method m, boolean isStatic, Class<?> returns) {
    assertThat(Modifier.isPublic(m.getModifiers())).isTrue();
    assertThat(Modifier.isStatic(m.getModifiers())).isEqualTo(isStatic);
    assertThat(m.getReturnType()).isEqualTo(returns);
  }

  @Test
  void nestingIsWrittenAsRunsOfDepthsAndReadBack() {
    int[] depths = {0, 0, 0, 1, 1, 2, 1, 0, 1};
    String nesting = ProbeProtocol.nesting(10, depths);
    assertThat(nesting).isEqualTo("13-14:1,15-15:2,16-16:1,18-18:1");
    assertThat(ProbeProtocol.depths(10, 9, nesting)).isEqualTo(depths);
    assertThat(ProbeProtocol.nesting(10, new int[3])).isEmpty();
    assertThat(ProbeProtocol.depths(10, 3, "")).isEqualTo(new int[3]);
  }

  @Test
  void eventsNameSourceLinesAndTheEntryLineFollowsTheLast() {
    // Lines 40-43 of a file; the copy starts a frame on the table's entry constant, line 44.
    CounterProbe probe =
        CounterProbe.of(
            new FunctionInfo(
                "a/A.java", "A.f", 40, List.of("@LineProfile", "void f() {", "  x();", "}")),
            0,
            0);
    assertThat(probe.entry()).isEqualTo(ProbeProtocol.entryLine(40, 4));
    assertThat(probe.entry()).isEqualTo(44);

    long[] c = probe.counters();
    int line = probe.entry();
    long state = probe.enter(c);
    for (int i = 0; i < 3; i++) {
      state = probe.line(c, line, line = 42, state);
    }
    state = probe.line(c, line, line = 43, state);
    probe.exit(line, state);

    FunctionStats stats = ProbeCounts.snapshot(probe);
    assertThat(stats.hits(42)).isEqualTo(3);
    assertThat(stats.hits(43)).isEqualTo(1);
    assertThat(stats.hits(40) + stats.hits(41)).isEqualTo(0);
    assertThat(stats.nanos(42)).isAtLeast(0L);
  }
}
