package io.github.lineprof.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the loops once on each of many short-lived threads: virtual threads where the JDK has them,
 * else platform threads, 100 at a time. Prints how many ran.
 */
public final class ThreadsMain {
  private ThreadsMain() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    Runnable task = () -> Loops.loops(5);
    try {
      ExecutorService virtual =
          (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      for (int i = 0; i < count; i++) {
        virtual.execute(task);
      }
      virtual.shutdown();
      virtual.awaitTermination(10, TimeUnit.MINUTES);
    } catch (NoSuchMethodException e) { // before JDK 21
      for (int done = 0; done < count; done += 100) {
        List<Thread> threads = new ArrayList<>();
        for (int i = done; i < Math.min(count, done + 100); i++) {
          Thread thread = new Thread(task);
          thread.start();
          threads.add(thread);
        }
        for (Thread thread : threads) {
          thread.join();
        }
      }
    }
    System.out.println(count + " threads");
  }
}
