package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Exact and sampled mode charge each nanosecond once: a recursive call's line leaves out the inner
 * invocation's time, a nested frame's lines are charged and stay in their calling line, and the
 * top-level lines add up to the outermost invocation's wall time, also when frames end by an
 * exception. The frames below are written as the processor writes copies, lines 2 to 5 of a
 * function of lines 1 to 6; each waiting line parks {@link #WAIT} nanoseconds. The tests run here
 * in exact mode (the tests' JVM), and all of them again in a JVM in sampled mode ({@link #main}).
 */
class ChargeOnceTest {
  private static final long WAIT = 30_000_000L;

  /** What a line that does not wait may take on a busy machine: well below {@link #WAIT}. */
  private static final long SHORT = WAIT / 3;

  private static CounterProbe probe(String name) {
    CounterProbe probe =
        CounterProbe.of(new FunctionInfo("T.java", name, 1, Collections.nCopies(6, "")), 0, 0);
    ProbeRegistry.add(probe); // the sampler charges registered functions
    if (ProbeMode.current() == ProbeMode.SAMPLED) {
      Sampler.start();
    }
    return probe;
  }

  /** Every test of this class, in this JVM's mode: the sampled JVM's entry point. */
  public static void main(String[] args) {
    ChargeOnceTest test = new ChargeOnceTest();
    test.aRecursiveCallsLineLeavesOutTheInnerInvocationsTime();
    test.aNestedFramesLinesStayInTheirCallingLine();
    test.aRecursiveInvocationInsideANestedFrameIsOnlyOnItsOwnLines();
    test.framesEndedByAnExceptionChargeOnceToo();
    System.out.println("sampled mode: all passed");
  }

  @Test
  void sampledModeChargesOnceToo() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ProbeMode.PROPERTY + "=sampled",
                "-cp",
                System.getProperty("java.class.path"),
                ChargeOnceTest.class.getName())
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(out).contains("sampled mode: all passed");
    assertThat(process.exitValue()).isEqualTo(0);
  }

  /**
   * At least {@code n} waits' time, less what sampling may miss at the lines' edges; bounds on the
   * other side allow {@link #SHORT} for a sample that straddles the start of a run.
   */
  private static long atLeast(int n) {
    return n * WAIT * 9 / 10;
  }

  private static void waitOnce() {
    long end = System.nanoTime() + WAIT;
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(end - System.nanoTime());
    }
  }

  /** {@code 2: wait(); 3: if (depth > 0) recurse(depth - 1); 4: return;} */
  private static void recurse(FunctionProbe p, int depth) {
    long[] c = p.counters();
    int line = p.entry();
    long state = p.enter(c);
    try {
      state = p.line(c, line, line = 2, state);
      waitOnce();
      state = p.line(c, line, line = 3, state);
      if (depth > 0) {
        recurse(p, depth - 1);
      }
      state = p.line(c, line, line = 4, state);
    } finally {
      p.exit(line, state);
    }
  }

  @Test
  void aRecursiveCallsLineLeavesOutTheInnerInvocationsTime() {
    FunctionProbe p = probe("T.recurse");
    long start = System.nanoTime();
    recurse(p, 3);
    long wall = System.nanoTime() - start;

    FunctionStats stats = ProbeCounts.snapshot(p);
    assertThat(stats.hits(2)).isEqualTo(4);
    assertThat(stats.nanos(2)).isAtLeast(atLeast(4));
    assertThat(stats.nanos(3)).isLessThan(SHORT); // not 3 + 2 + 1 inner invocations' waits
    assertThat(stats.totalNanos()).isAtMost(wall + SHORT);
    assertThat(stats.totalNanos()).isAtLeast(atLeast(4));
  }

  /** {@code 2: xs.forEach(x -> { 3: wait(); 4: }); 5: return;} with a nested frame per element. */
  @Test
  void aNestedFramesLinesStayInTheirCallingLine() {
    FunctionProbe p = probe("T.lambda");
    long start = System.nanoTime();
    long[] c = p.counters();
    int line = p.entry();
    long state = p.enter(c);
    try {
      state = p.line(c, line, line = 2, state);
      for (int i = 0; i < 2; i++) {
        nested(p, () -> waitOnce());
      }
      state = p.line(c, line, line = 5, state);
    } finally {
      p.exit(line, state);
    }
    long wall = System.nanoTime() - start;

    FunctionStats stats = ProbeCounts.snapshot(p);
    assertThat(stats.hits(3)).isEqualTo(2);
    assertThat(stats.nanos(3)).isAtLeast(atLeast(2));
    assertThat(stats.nanos(2)).isAtLeast(stats.nanos(3)); // the calling line includes them
    long topLevel = stats.nanos(2) + stats.nanos(5);
    assertThat(topLevel).isAtMost(wall + SHORT);
    assertThat(topLevel).isAtLeast(atLeast(2));
  }

  private static void nested(FunctionProbe p, Runnable body) {
    long[] c = p.counters();
    int line = p.entry();
    long state = p.enterNested(c);
    try {
      state = p.lineNested(c, line, line = 3, state);
      body.run();
      state = p.lineNested(c, line, line = 4, state);
    } finally {
      p.exitNested(line, state);
    }
  }

  /**
   * A lambda of the function calls the function again: both the lambda's line and the calling line
   * leave it out.
   */
  @Test
  void aRecursiveInvocationInsideANestedFrameIsOnlyOnItsOwnLines() {
    FunctionProbe p = probe("T.both");
    long[] c = p.counters();
    int line = p.entry();
    long state = p.enter(c);
    try {
      state = p.line(c, line, line = 2, state);
      nested(p, () -> recurse(p, 0));
      state = p.line(c, line, line = 5, state);
    } finally {
      p.exit(line, state);
    }

    FunctionStats stats = ProbeCounts.snapshot(p);
    assertThat(stats.nanos(2)).isAtLeast(atLeast(1)); // recurse(p, 0)'s line 2
    assertThat(stats.nanos(3)).isLessThan(SHORT); // the lambda's line without the inner invocation
  }

  /** {@code 2: wait(); 3: if (depth > 0) thrower(depth - 1); else throw ...} caught at the top. */
  @Test
  void framesEndedByAnExceptionChargeOnceToo() {
    FunctionProbe p = probe("T.thrower");
    long start = System.nanoTime();
    try {
      thrower(p, 2);
    } catch (IllegalStateException expected) {
      // the innermost invocation threw through the two around it
    }
    long wall = System.nanoTime() - start;

    FunctionStats stats = ProbeCounts.snapshot(p);
    assertThat(stats.hits(2)).isEqualTo(3);
    assertThat(stats.hits(3)).isEqualTo(3);
    assertThat(stats.nanos(2)).isAtLeast(atLeast(3));
    assertThat(stats.nanos(3)).isLessThan(SHORT);
    assertThat(stats.totalNanos()).isAtMost(wall + SHORT);
  }

  private static void thrower(FunctionProbe p, int depth) {
    long[] c = p.counters();
    int line = p.entry();
    long state = p.enter(c);
    try {
      state = p.line(c, line, line = 2, state);
      waitOnce();
      state = p.line(c, line, line = 3, state);
      if (depth > 0) {
        thrower(p, depth - 1);
      } else {
        throw new IllegalStateException("innermost");
      }
    } finally {
      p.exit(line, state);
    }
  }
}
