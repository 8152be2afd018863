package io.github.lineprof.probe;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Counters follow the live threads: ended threads are folded into totals, outgrown arrays let go.
 */
class ThreadCountersTest {
  private static CounterProbe probe(String name, int lines) {
    return CounterProbe.of(
        new FunctionInfo("T.java", name, 1, Collections.nCopies(lines, "")), 0, 0);
  }

  /**
   * Stands for an instrumented copy: its frame runs line 1 with {@code first} on it, then line 2
   * with {@code inside}.
   */
  static final Runnable NOTHING = () -> {};

  static final class Copy {
    static void frame(FunctionProbe probe, Runnable first, Runnable inside) {
      long[] c = probe.counters();
      int line = probe.entry();
      long state = probe.enter(c);
      try {
        state = probe.line(c, line, line = 1, state);
        first.run();
        state = probe.line(c, line, line = 2, state);
        inside.run();
      } finally {
        probe.exit(line, state); // fetches the counters again
      }
    }
  }

  /**
   * Registers a function while a frame runs, more than the thread's array holds, into {@code
   * later}, and runs a frame of it.
   */
  private static Runnable registerAndRun(String name, FunctionProbe[] later) {
    return () -> {
      later[0] = probe(name, 2);
      Copy.frame(later[0], NOTHING, NOTHING);
    };
  }

  private static void runInThread(Runnable body) throws InterruptedException {
    Thread thread = new Thread(body);
    thread.start();
    thread.join();
  }

  @Test
  void shortLivedThreadsLoseNoHitAndLeaveNoArrays() throws Exception {
    FunctionProbe probe = probe("T.work", 2);
    Runnable task = () -> Copy.frame(probe, NOTHING, NOTHING);
    int threads;
    try { // 100,000 virtual threads where the JDK has them (21+), else 10,000 platform threads
      ExecutorService virtual =
          (ExecutorService)
              Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      threads = 100_000;
      for (int i = 0; i < threads; i++) {
        virtual.execute(task);
      }
      virtual.shutdown();
      assertThat(virtual.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    } catch (NoSuchMethodException e) {
      threads = 10_000;
      for (int wave = 0; wave < threads / 100; wave++) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          started.add(new Thread(task));
          started.get(i).start();
        }
        for (Thread thread : started) {
          thread.join();
        }
      }
    }

    FunctionStats stats = ProbeCounts.snapshot(probe);
    assertThat(stats.hits(1)).isEqualTo(threads);
    assertThat(stats.hits(2)).isEqualTo(threads);
    // Left: the totals and the arrays of live threads that ran a profiled frame (this one at most).
    assertThat(ThreadCounters.footprint()[0]).isAtMost(3);
    assertThat(ProbeCounts.snapshot(probe).hits(1))
        .isEqualTo(threads); // folding never counts twice
  }

  @Test
  void framesRunningOnAnOutgrownArrayLoseNoHit() throws Exception {
    ThreadCounters.swapped(Copy.class.getName());
    FunctionProbe outer = probe("T.outer", 2);
    FunctionProbe[] later = new FunctionProbe[1];
    runInThread(() -> Copy.frame(outer, NOTHING, registerAndRun("T.later", later)));

    assertThat(ProbeCounts.snapshot(outer).hits(1)).isEqualTo(1);
    assertThat(ProbeCounts.snapshot(outer).hits(2)).isEqualTo(1);
    assertThat(ProbeCounts.snapshot(later[0]).hits(2)).isEqualTo(1);
  }

  @Test
  void anExitFindsTheArrayItsEntryFoundWhenTheThreadGrewUnderIt() throws Exception {
    ThreadCounters.swapped(Copy.class.getName());
    FunctionProbe outer = probe("T.outerTimed", 2);
    FunctionProbe[] later = new FunctionProbe[1];
    long[] wall = new long[1];
    runInThread(
        () -> {
          long start = System.nanoTime();
          Copy.frame(outer, ThreadCountersTest::sleep200, registerAndRun("T.laterTimed", later));
          wall[0] = System.nanoTime() - start;
        });

    FunctionStats stats = ProbeCounts.snapshot(outer);
    assertThat(stats.hits(2)).isEqualTo(1);
    assertThat(stats.nanos(1)).isAtLeast(200_000_000L);
    // Charged from the state its own array holds: not line 1's time again.
    assertThat(stats.nanos(2)).isLessThan(stats.nanos(1) / 2);
    assertThat(stats.nanos(1) + stats.nanos(2)).isAtMost(wall[0]);
    assertThat(ProbeCounts.snapshot(later[0]).hits(2)).isEqualTo(1);
  }

  private static void sleep200() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void addedArraysAreMergedOnceNoFrameRuns() throws Exception {
    ThreadCounters.swapped(Copy.class.getName());
    FunctionProbe outer = probe("T.outerMerged", 2);
    FunctionProbe[] later = new FunctionProbe[1];
    long[] arrays = new long[2];
    runInThread(
        () -> {
          Copy.frame(outer, NOTHING, registerAndRun("T.laterMerged", later));
          arrays[0] = ThreadCounters.footprint()[0];
          for (int i = 0; i < ThreadCounters.MERGE_EVERY; i++) {
            Copy.frame(later[0], NOTHING, NOTHING); // no frame of a swapped class below
          }
          arrays[1] = ThreadCounters.footprint()[0];
        });

    assertThat(arrays[1]).isEqualTo(arrays[0] - 1); // the one added while outer ran, merged
    assertThat(ProbeCounts.snapshot(outer).hits(2)).isEqualTo(1);
    assertThat(ProbeCounts.snapshot(later[0]).hits(2)).isEqualTo(ThreadCounters.MERGE_EVERY + 1);
  }

  @Test
  void anIdleThreadThatGrowsKeepsOneArray() {
    FunctionProbe first = probe("T.first", 2);
    long[] before = first.counters();
    Copy.frame(first, NOTHING, NOTHING);
    long arrays = ThreadCounters.footprint()[0];
    FunctionProbe second = probe("T.second", before.length); // more than this thread's array holds
    Copy.frame(second, NOTHING, NOTHING);

    long[] after = second.counters();
    assertThat(after).isNotSameInstanceAs(before);
    assertThat(ThreadCounters.footprint()[0]).isEqualTo(arrays); // the old array is dropped
    assertThat(ProbeCounts.snapshot(first).hits(1)).isEqualTo(1); // its counts moved to the new one
    assertThat(ProbeCounts.snapshot(second).hits(1)).isEqualTo(1);
  }
}
