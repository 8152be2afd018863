package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long recording and analysis take for about 10,000 samples (a main, not a test: it runs for
 * seconds). {@code java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -cp
 * target/classes:target/test-classes io.github.lineprof.internal.time.AnalysisTiming [threads]
 * [seconds]} from {@code runtime/}.
 */
public final class AnalysisTiming {
  private AnalysisTiming() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 4;
    FunctionInfo spins = SourceLines.function("spins");
    Path file = Files.createTempFile("lineprof-timing", ".jfr");
    long start = System.nanoTime();
    try (JfrTimeRecorder recorder = JfrTimeRecorder.start()) {
      long started = System.nanoTime();
      List<Thread> workers = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      for (int i = 0; i < threads; i++) {
        Thread worker =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    TimeWorkloads.spins(20_000);
                  }
                });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      long stopping = System.nanoTime();
      recorder.stop(file);
      System.out.printf(
          "start %.1f ms, stop and write %.1f ms, %d kB, stack depth %d%n",
          (started - start) / 1e6,
          (System.nanoTime() - stopping) / 1e6,
          Files.size(file) / 1024,
          recorder.stackDepth());
    }
    for (int i = 0; i < 5; i++) {
      long analysing = System.nanoTime();
      LineTimes times = LineTimeAnalysis.analyze(file, List.of(spins));
      long took = System.nanoTime() - analysing;
      FunctionTimes f = times.of(spins);
      System.out.printf(
          "analysis %.1f ms: %d samples (%d native), %d in spins, %d events; shares %.1f / %.1f %%%n",
          took / 1e6,
          times.samples(),
          times.totals(TimeEvent.NATIVE_METHOD_SAMPLE).events(),
          times.samplesInFunctions(),
          times.events(),
          100 * f.share(SourceLines.line("spin3")),
          100 * f.share(SourceLines.line("spin1")));
    }
    Files.delete(file);
  }
}
