package io.github.lineprof.internal.swap;

import io.github.lineprof.probe.ProbeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the swap did in this JVM: how many classes run their instrumented copy, and which run their
 * original instead and why. Each kind of refusal is said on stderr when it first happens (a stale
 * class each time, naming it); all of them go in the report's settings.
 */
public final class SwapLog {
  /** Why a class with a copy runs its original; the text says what to do about it. */
  public enum Reason {
    STALE("changed since its instrumented copy was built: rebuild with mvn process-classes"),
    TRANSFORMED(
        "transformed by an agent that ran before lineprof: put -javaagent:lineprof-runtime.jar"
            + " before the other agent to profile these classes"),
    INVISIBLE("loaded by a class loader that cannot see lineprof's probes"),
    SPLIT(
        "defined by a class loader that leaves the rest of its package to another loader, so its"
            + " copy could not reach its line table"),
    COVERAGE(
        "left to JaCoCo's agent, so that its coverage data matches the classes its report reads:"
            + " run without JaCoCo to profile these classes"),
    FAILED("lineprof could not read its copy");

    private final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private static final AtomicInteger SWAPPED = new AtomicInteger();

  /** Class, with what the note says of it, by reason; in the order they happened. */
  private static final Map<Reason, List<String>> SKIPPED = new LinkedHashMap<>();

  /** Past this, a reason's classes are counted, not named. */
  private static final int NAMED = 20;

  private SwapLog() {}

  static void swapped(String binaryName) {
    SWAPPED.incrementAndGet();
    ProbeRegistry.swapped(binaryName);
  }

  static void stale(String binaryName) {
    System.err.println(
        "lineprof: "
            + binaryName
            + " changed since its instrumented copy was built;"
            + " running the original. Rebuild with mvn process-classes");
    skipped(Reason.STALE, binaryName);
  }

  static void transformedBefore(String binaryName) {
    if (skipped(Reason.TRANSFORMED, binaryName)) {
      System.err.println(
          "lineprof: "
              + binaryName
              + " (and any other class an agent before lineprof's"
              + " transforms) runs without lineprof's probes, keeping that agent's work. Put"
              + " -javaagent:lineprof-runtime.jar before the other agent to profile these classes");
    }
  }

  /**
   * A class JaCoCo's agent records: given the copy, JaCoCo would record the copy's class, which no
   * report built from the original classes matches.
   */
  public static void coverage(String binaryName) {
    if (skipped(Reason.COVERAGE, binaryName)) {
      System.err.println(
          "lineprof: JaCoCo's agent runs in this JVM: "
              + binaryName
              + " and every other class with an instrumented copy run their original, so that"
              + " JaCoCo's coverage matches the classes its report reads. Run without JaCoCo to"
              + " profile them");
    }
  }

  /**
   * A class whose loader cannot see lineprof's probes, e.g. a loader whose parent is the
   * platform's.
   */
  public static void invisible(String binaryName, ClassLoader loader) {
    if (skipped(Reason.INVISIBLE, binaryName + " (loader " + describe(loader) + ")")) {
      System.err.println(
          "lineprof: "
              + binaryName
              + " runs its original: its class loader "
              + describe(loader)
              + " cannot see lineprof's probes (it does not delegate to the class path lineprof is on)");
    }
  }

  /**
   * A class whose loader defines it but takes {@code mate}, a class of the same package its copy
   * needs, from another loader (an isolating loader that defines only some classes itself).
   */
  static void split(String binaryName, ClassLoader loader, String mate) {
    if (skipped(Reason.SPLIT, binaryName + " (loader " + describe(loader) + ")")) {
      System.err.println(
          "lineprof: "
              + binaryName
              + " (and any other class its loader defines apart from its package) runs its original:"
              + " its class loader "
              + describe(loader)
              + " takes "
              + mate
              + " from another loader, and package-private access does not cross loaders");
    }
  }

  public static void failed(String binaryName, RuntimeException e) {
    System.err.println("lineprof: " + binaryName + " runs its original: " + e.getMessage());
    skipped(Reason.FAILED, binaryName);
  }

  /** Records a refusal; true if it is the first of its reason. */
  private static boolean skipped(Reason reason, String note) {
    synchronized (SKIPPED) {
      List<String> classes = SKIPPED.computeIfAbsent(reason, r -> new ArrayList<>());
      classes.add(note);
      return classes.size() == 1;
    }
  }

  private static String describe(ClassLoader loader) {
    return (loader.getName() == null ? "" : "'" + loader.getName() + "' ")
        + loader.getClass().getName();
  }

  /** Classes that run their instrumented copy so far. */
  public static int swappedClasses() {
    return SWAPPED.get();
  }

  /** Classes that have a copy but run their original, so far. */
  public static int skippedClasses() {
    synchronized (SKIPPED) {
      return SKIPPED.values().stream().mapToInt(List::size).sum();
    }
  }

  /**
   * For the run's settings: {@code skipped} lists each reason's classes, e.g. {@code "1 class
   * changed since its instrumented copy was built: rebuild with mvn process-classes: com.x.A"};
   * empty when every class with a copy ran it.
   */
  public static Map<String, String> settings() {
    StringBuilder text = new StringBuilder();
    synchronized (SKIPPED) {
      SKIPPED.forEach(
          (reason, classes) -> {
            text.append(text.length() == 0 ? "" : "; ")
                .append(classes.size())
                .append(classes.size() == 1 ? " class " : " classes ")
                .append(reason.text)
                .append(": ")
                .append(String.join(", ", classes.subList(0, Math.min(NAMED, classes.size()))));
            if (classes.size() > NAMED) {
              text.append(" and ").append(classes.size() - NAMED).append(" more");
            }
          });
    }
    return text.length() == 0 ? Map.of() : Map.of("skipped", text.toString());
  }
}
