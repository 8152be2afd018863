package io.github.lineprof.benchmarks;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.FunctionProfile;
import io.github.lineprof.report.stats.FunctionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Original mode against the truth on {@link FiveLines#run}: the truth is each line timed in context
 * by {@code nanoTime} ({@link FiveLines#timed}, the same lines, unprofiled, as many calls as the
 * recording makes), the table is the harness's original mode. Target: every line within 1.5 points.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.lineprof.benchmarks.FiveLineCheck [runs]</pre>
 */
public final class FiveLineCheck {
  static final double TARGET_POINTS = 1.5;
  private static final String[] LINES = {"cpu ~1 ms", "sleep(2)", "parkNanos(1 ms)", "readAllBytes 1 MB", "small cpu"};

  private FiveLineCheck() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path file = Files.createTempFile("lineprof-five", ".bin");
    try {
      byte[] data = new byte[1 << 20];
      new Random(1).nextBytes(data);
      Files.write(file, data);
      String path = file.toString();
      int met = 0;
      for (int run = 1; run <= runs; run++) {
        long[] truth = new long[5];
        for (int i = 0; i < 50; i++) {
          FiveLines.timed(path, new long[5]); // warm-up
        }
        int calls = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          FiveLines.timed(path, truth);
        }
        double plainPerCall = (System.nanoTime() - start) / (double) calls;
        ProfileResult result = LineProfiler.create().printTo(System.getProperty("five.print") == null ? null : System.out).warmup(50).measure(1)
            .run(() -> FiveLines.run(path));
        FunctionProfile f = result.functions().stream()
            .filter(s -> s.name().equals("FiveLines.run")).findFirst().orElseThrow();
        long truthSum = 0;
        for (long t : truth) {
          truthSum += t;
        }
        int first = f.firstLine() + 2; // the annotation and the signature come first
        double worst = 0;
        System.out.printf(Locale.ROOT, "%nrun %d: FiveLines.run, %.3f ms a call plain, %.3f ms in the table%n", run,
            plainPerCall / 1e6, f.totalNanos() / 1e6);
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %7s%n", "line", "truth %", "table %", "error");
        for (int i = 0; i < LINES.length; i++) {
          double t = 100.0 * truth[i] / truthSum;
          double share = 100.0 * f.line(first + i).nanos() / f.totalNanos();
          worst = Math.max(worst, Math.abs(share - t));
          System.out.printf(Locale.ROOT, "%-20s %8.1f %8.1f %+7.1f%n", LINES[i], t, share, share - t);
        }
        System.out.printf(Locale.ROOT, "worst error %.1f points (target %.1f)%n", worst, TARGET_POINTS);
        met += worst <= TARGET_POINTS ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%nwithin %.1f points in %d of %d runs%n", TARGET_POINTS, met, runs);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
