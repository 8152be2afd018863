package io.github.lineprof.samples;

import io.github.lineprof.LineProfiler;
import java.nio.file.Path;

/**
 * A harness run of one of {@link Faults}' scenarios. Arguments: the scenario ({@code throw}, {@code
 * hang}, {@code exit}, {@code plain}: {@code Faults.work}; {@code void}: the same, returning nothing;
 * {@code config}, {@code tiny}), the reports' folder, more options.
 */
public final class HarnessMain {
  private HarnessMain() {}

  public static void main(String[] args) {
    String what = args[0];
    Faults.config = "set by main";
    LineProfiler profiler = LineProfiler.create()
        .options("warmup=1,measure=1,samples=200,maxTime=1s")
        .options(args.length > 2 ? args[2] : "")
        .outputDirectory(Path.of(args[1]));
    switch (what) {
      case "void" -> profiler.run(() -> {
        Faults.work("void");
      });
      case "config" -> profiler.run(() -> Faults.configLength());
      case "tiny" -> profiler.run(() -> Faults.tiny(1));
      default -> profiler.run(() -> Faults.work(what));
    }
  }
}
