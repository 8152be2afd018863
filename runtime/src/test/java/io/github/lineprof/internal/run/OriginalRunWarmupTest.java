package io.github.lineprof.internal.run;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.Scenario;
import io.github.lineprof.report.stats.FunctionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The original's warm-up lasts {@code warmup} invocations and at least {@code warmupTime}: a fresh
 * JVM's first seconds (JIT, a heap whose pages are touched for the first time) would otherwise land
 * in the recording.
 */
class OriginalRunWarmupTest {
  /** When each invocation of {@link #scenario} started, warm-up and recording alike. */
  private static final List<Long> STARTS = new ArrayList<>();

  private static Object invocation() throws InterruptedException {
    synchronized (STARTS) {
      STARTS.add(System.nanoTime());
    }
    Thread.sleep(5);
    return null;
  }

  private final Scenario scenario = OriginalRunWarmupTest::invocation;

  @BeforeEach
  void forget() {
    synchronized (STARTS) {
      STARTS.clear();
    }
  }

  @Test
  void warmsUpForAtLeastWarmupTime() throws Exception {
    OriginalRun run = record("warmup=0,warmupTime=300ms,maxTime=100ms");

    List<Long> starts = List.copyOf(STARTS);
    int warmups = starts.size() - (int) run.invocations();
    assertThat(warmups).isGreaterThan(0);
    long warmupMillis = TimeUnit.NANOSECONDS.toMillis(starts.get(warmups) - starts.get(0));
    assertThat(warmupMillis).isAtLeast(300);
  }

  @Test
  void warmsUpForWarmupInvocationsWhenTheyTakeLonger() throws Exception {
    OriginalRun run = record("warmup=7,warmupTime=0s,maxTime=100ms");

    assertThat(STARTS.size() - run.invocations()).isEqualTo(7);
  }

  private OriginalRun record(String options) throws Exception {
    return OriginalRun.record(
        ScenarioBytes.of(scenario),
        getClass().getClassLoader(),
        List.<FunctionInfo>of(),
        ProfileOptions.defaults().with(options));
  }
}
