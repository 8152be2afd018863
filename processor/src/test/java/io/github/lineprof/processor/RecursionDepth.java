package io.github.lineprof.processor;

import java.util.function.IntUnaryOperator;

/**
 * Child JVM of {@link RecursionDepthTest}: prints the deepest {@code n} for which {@code
 * applyAsInt(n)} of the class named by the argument returns on a thread of {@link #STACK} bytes,
 * after warm-up, so that the measured frames are the JIT's (or the interpreter's, under {@code
 * -Xint}).
 */
final class RecursionDepth {
  static final long STACK = 1 << 20;

  private RecursionDepth() {}

  public static void main(String[] args) throws Exception {
    IntUnaryOperator sum =
        Class.forName(args[0])
            .asSubclass(IntUnaryOperator.class)
            .getDeclaredConstructor()
            .newInstance();
    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += sum.applyAsInt(200);
    }
    // The first overflows deoptimize and recompile: search twice and keep the second.
    deepest(sum);
    System.out.println(deepest(sum) + (sink == 42 ? " " : ""));
  }

  private static int deepest(IntUnaryOperator sum) throws InterruptedException {
    int fits = 1;
    int overflows = 1 << 20;
    while (fits + 1 < overflows) {
      int n = (fits + overflows) >>> 1;
      if (returns(sum, n)) {
        fits = n;
      } else {
        overflows = n;
      }
    }
    return fits;
  }

  private static boolean returns(IntUnaryOperator sum, int n) throws InterruptedException {
    boolean[] returned = {false};
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                var unused = sum.applyAsInt(n);
                returned[0] = true;
              } catch (StackOverflowError e) {
                returned[0] = false;
              }
            },
            "depth",
            STACK);
    thread.start();
    thread.join();
    return returned[0];
  }
}
