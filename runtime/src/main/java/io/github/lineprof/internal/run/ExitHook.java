package io.github.lineprof.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Work that must happen if the JVM exits while a step of a run is under way (System.exit in the
 * scenario, a SIGTERM): a shutdown hook for the step's duration, removed when the step ends.
 */
final class ExitHook implements AutoCloseable {
  private final Thread hook;

  ExitHook(String name, Runnable action) {
    hook = new Thread(action, name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Deletes {@code file} if the JVM exits during the step. */
  static ExitHook deleting(String name, Path file) {
    return new ExitHook(
        name,
        () -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            // the JVM is exiting: a temporary file left behind is all that is lost
          }
        });
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
