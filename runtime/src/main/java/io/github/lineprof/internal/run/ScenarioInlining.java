package io.github.lineprof.internal.run;

import io.github.lineprof.Scenario;
import java.io.IOException;
import java.lang.invoke.SerializedLambda;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the JIT from compiling the scenario's own body and the code it calls as one unit while the
 * original is recorded: the body is compiled without inlining anything, and inlined nowhere.
 *
 * <p>Why: when HotSpot's C2 inlines a profiled method into the scenario's body (a lambda returning
 * the boxed result of a call, {@code () -> Workloads.accuracy(7)}), the flight recorder charged
 * most samples of the inlined code to the scenario's frame, not to the profiled method's lines:
 * measured on JDK 17, a method of ~20 µs per call got 5-30 % of its samples (the harness's Total up
 * to 8x too low), while a caller that returns the result unboxed, as a JMH benchmark method does,
 * got over 99 %. Compiled on its own, the profiled method is compiled as it is when any other
 * caller calls it, and its samples are its own. What it costs: a call per invocation of the
 * scenario.
 *
 * <p>It is a compiler directive of this JVM, added through the {@code Compiler.directives_add}
 * diagnostic command and removed by {@link #close()}. A scenario that is a method reference (its
 * body is the profiled method itself) or whose body cannot be named is left alone.
 */
final class ScenarioInlining implements AutoCloseable {
  private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
  private static final ScenarioInlining NONE = new ScenarioInlining(0);

  private final int directives;

  private ScenarioInlining(int directives) {
    this.directives = directives;
  }

  /** Adds the directives for {@code scenario}'s body; a no-op where it cannot. */
  static ScenarioInlining keepApart(Scenario scenario) {
    String body = body(scenario);
    if (body == null) {
      return NONE;
    }
    String json =
        "[{match: \""
            + body
            + "\", inline: \"-*.*\"}, {match: \"*.*\", inline: \"-"
            + body
            + "\"}]";
    try {
      Path file = Files.createTempFile("lineprof-inlining", ".json");
      // a SIGTERM while the JVM reads the directives must not leave the file behind
      try (ExitHook cleanup = ExitHook.deleting("lineprof-inlining-cleanup", file)) {
        Files.writeString(file, json);
        String answer = command("compilerDirectivesAdd", file.toString());
        return answer.contains("2 compiler directives added") ? new ScenarioInlining(2) : NONE;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | JMException | RuntimeException e) {
      return NONE; // not HotSpot, or the command is missing: the JIT does as it likes
    }
  }

  /** Whether the directives are in force. */
  boolean applied() {
    return directives > 0;
  }

  @Override
  public void close() {
    try {
      for (int i = 0; i < directives; i++) {
        command("compilerDirectivesRemove");
      }
    } catch (JMException | RuntimeException e) {
      // the directives stay: they only name the scenario's body
    }
  }

  /**
   * The method holding the scenario's code, as a directive names it ({@code pkg/Outer$Inner.name}):
   * a lambda's synthetic method, or a class's {@code run}; null for a method reference or when the
   * lambda does not say.
   */
  static String body(Scenario scenario) {
    Class<?> type = scenario.getClass();
    if (!type.isSynthetic() && !type.isHidden()) {
      return type.getName().replace('.', '/') + ".run";
    }
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(scenario) instanceof SerializedLambda lambda
          && lambda.getImplMethodName().startsWith("lambda$")) {
        return lambda.getImplClass() + "." + lambda.getImplMethodName();
      }
      return null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String command(String operation, String... arguments) throws JMException {
    return String.valueOf(
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName(DIAGNOSTIC_COMMAND),
                operation,
                new Object[] {arguments},
                new String[] {String[].class.getName()}));
  }
}
