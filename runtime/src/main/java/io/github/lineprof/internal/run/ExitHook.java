package io.github.lineprof.internal.run;

/**
 * Work that must happen if the JVM exits while a step of a run is under way (System.exit in the
 * scenario, a SIGTERM): a shutdown hook for the step's duration, removed when the step ends.
 */
public final class ExitHook implements AutoCloseable {
  private final Thread hook;

  public ExitHook(String name, Runnable action) {
    hook = new Thread(action, name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs (or ran) instead
    }
  }
}
