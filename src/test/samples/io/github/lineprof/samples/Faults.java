package io.github.lineprof.samples;

import io.github.lineprof.LineProfile;

/**
 * Scenarios that go wrong in one place only, for the harness's fault tests: in the original (outside
 * lineprof's class loader) they throw, hang or exit where the instrumented copy returns.
 */
public final class Faults {
  /** State a main sets before profiling: lineprof's class loader loads this class again, without it. */
  public static String config;

  private Faults() {}

  @LineProfile
  public static int work(String what) throws InterruptedException {
    int total = Loops.loops(3);
    if (what.equals("exit")) {
      System.exit(3);
    }
    if (!inCopy() && what.equals("throw")) {
      throw new IllegalStateException("only in the original");
    }
    while (!inCopy() && what.equals("hang")) {
      Thread.sleep(100);
    }
    return total;
  }

  @LineProfile
  public static int configLength() {
    return config.length();
  }

  @LineProfile
  public static int tiny(int x) {
    return x + 1;
  }

  private static boolean inCopy() {
    return "lineprof-swap".equals(Faults.class.getClassLoader().getName());
  }
}
