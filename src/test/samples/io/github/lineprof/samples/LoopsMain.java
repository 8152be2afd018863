package io.github.lineprof.samples;

/** A program for the agent tests: runs the loops, then exits as told (normally or by System.exit). */
public final class LoopsMain {
  private LoopsMain() {}

  public static void main(String[] args) {
    System.out.println(Loops.loops(5));
    if (args.length > 0) {
      System.exit(Integer.parseInt(args[0]));
    }
  }
}
