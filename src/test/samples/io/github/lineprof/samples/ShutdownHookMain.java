package io.github.lineprof.samples;

/** Runs the loops in a shutdown hook, after a pause, as a program's own cleanup might. */
public final class ShutdownHookMain {
  private ShutdownHookMain() {}

  public static void main(String[] args) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.out.println("hook " + Loops.loops(5));
    }, "program-hook"));
  }
}
