package io.github.lineprof.samples;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.ProfiledLine;
import io.github.lineprof.Scenario;
import io.github.lineprof.report.stats.FunctionStats;
import java.nio.file.Path;

/**
 * A harness run in the mode given, for the tests that compare modes (a JVM's probes serve one mode):
 * prints each line of {@code Waits.sleeps} (or, with a third argument {@code allocations}, of {@code
 * Allocations.allocate}) as {@code line hits nanos bytes}, bytes -1 when the run did not measure them.
 */
public final class ModesMain {
  private ModesMain() {}

  public static void main(String[] args) {
    boolean allocations = args.length > 2 && args[2].equals("allocations");
    Scenario scenario = allocations ? Allocations::allocate : Waits::sleeps;
    ProfileResult result = LineProfiler.create()
        .options("mode=" + args[0] + ",warmup=1,measure=2,maxTime=10s")
        .outputDirectory(Path.of(args[1]))
        .printTo(null)
        .run(scenario);
    String name = allocations ? "Allocations.allocate" : "Waits.sleeps";
    FunctionProfile f = result.functions().stream()
        .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    for (ProfiledLine line : f.lines()) {
      System.out.println(line.number() + " " + line.hits() + " " + line.nanos() + " " + line.bytes().orElse(-1));
    }
  }
}
