package io.github.lineprof.probe;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sampled mode's clock: a daemon thread that wakes at a fixed rate and charges the time since its
 * last wake to the line every profiled thread is running, in every function on its stack (a
 * caller's counters keep showing the calling line while a callee runs, so time stays inclusive). It
 * ends when interrupted (launchers such as {@code mvn exec:java} interrupt the threads a program
 * leaves behind and wait for them); the times of the samples it took stay.
 */
final class Sampler implements Runnable {
  /** Nanoseconds between samples: {@code -Dlineprof.sampleInterval=100000} by default (0.1 ms). */
  static final long INTERVAL = Long.getLong("lineprof.sampleInterval", 100_000L);

  private static final AtomicLong SAMPLES = new AtomicLong();
  private static Thread thread;

  private Sampler() {}

  static synchronized void start() {
    if (thread == null) {
      thread = new Thread(new Sampler(), "lineprof-sampler");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Samples that found at least one profiled line running, since the JVM started. */
  static long samples() {
    return SAMPLES.get();
  }

  @Override
  public void run() {
    long last = System.nanoTime();
    while (!Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(INTERVAL);
      long now = System.nanoTime();
      boolean charged = false;
      List<long[]> threads = ThreadCounters.live();
      for (CounterProbe probe : ProbeRegistry.probes()) {
        for (long[] c : threads) {
          charged |= probe.charge(c, now - last);
        }
      }
      if (charged) {
        SAMPLES.incrementAndGet();
      }
      last = now;
    }
  }
}
