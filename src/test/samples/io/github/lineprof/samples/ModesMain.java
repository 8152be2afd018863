package io.github.lineprof.samples;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.internal.stats.FunctionStats;
import java.nio.file.Path;

/**
 * A harness run in the mode given, for the tests that compare modes (a JVM's probes serve one mode):
 * prints each line of {@code Waits.sleeps} as {@code line hits nanos}.
 */
public final class ModesMain {
  private ModesMain() {}

  public static void main(String[] args) {
    ProfileResult result = LineProfiler.create()
        .options("mode=" + args[0] + ",warmup=1,measure=2,samples=400,maxTime=5s")
        .outputDirectory(Path.of(args[1]))
        .printTo(null)
        .run(Waits::sleeps);
    FunctionStats f = result.stats().functions().stream()
        .filter(s -> s.info().name().equals("Waits.sleeps")).findFirst().orElseThrow();
    for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
      System.out.println(line + " " + f.hits(line) + " " + f.nanos(line));
    }
  }
}
