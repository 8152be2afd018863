package io.github.lineprof.demo;

import io.github.lineprof.LineProfiler;
import java.nio.file.Path;

/**
 * The demo: line_profiler's {@code %lprun -f simulate simulate(50)} for the Java port. The code
 * runs first without being measured, so the JIT has compiled it, then once for the table; the
 * harness says where it wrote the reports.
 */
public final class ProfileSimulation {
  private ProfileSimulation() {}

  public static void main(String[] args) {
    Path output = Path.of(args.length > 0 ? args[0] : "target/lineprof");
    try {
      LineProfiler.create()
          .warmup(20)
          .measure(1)
          .outputDirectory(output)
          .run(() -> Simulation.simulate(50, 10_000));
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
