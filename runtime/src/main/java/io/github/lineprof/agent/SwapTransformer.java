package io.github.lineprof.agent;

import io.github.lineprof.internal.swap.Swap;
import io.github.lineprof.internal.swap.SwapClassLoader;
import io.github.lineprof.internal.swap.SwapLog;
import io.github.lineprof.probe.FunctionProbe;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Gives each class that has an instrumented version on its loader's class path the instrumented
 * bytes instead of its own, so any launcher (a main, surefire, JMH forks) runs the probes. A class
 * keeps its own bytes, and the report says why, where the copy would break or lose something: its
 * loader cannot see lineprof's probes or takes the copy's line table from another loader, JaCoCo's
 * agent records it, its copy is stale, or an earlier agent transformed it.
 */
final class SwapTransformer implements ClassFileTransformer {
  /**
   * Per loader: whether it resolves FunctionProbe to this agent's, whose registry the report reads.
   */
  private final Map<ClassLoader, Boolean> seesProbes = new WeakHashMap<>();

  /**
   * What JaCoCo's agent leaves in the JVM when it starts, for its probes to reach its runtime: the
   * class {@code java.lang.$JaCoCo} (JDK 9 and later) or, on older JDKs, a field of {@code
   * java.lang.UnknownError}. Both are there only when the agent runs, not when its jar is merely on
   * the class path (a test class path that holds JaCoCo's jar as a library profiles as usual).
   */
  static final String JACOCO_RUNTIME_CLASS = "java.lang.$JaCoCo";

  static final String JACOCO_ACCESS_FIELD = "$jacocoAccess";

  /** Once JaCoCo's agent is seen, it stays. */
  private volatile boolean jacoco;

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> redefining,
      ProtectionDomain domain,
      byte[] original) {
    if (loader == null
        || internalName == null
        || redefining != null
        || loader instanceof SwapClassLoader) {
      // bootstrap classes, hidden classes, redefinitions: never ours; the harness's loader swaps
      // itself
      return null;
    }
    String binaryName = internalName.replace('/', '.');
    try {
      if (Swap.isShared(binaryName) || Swap.instrumented(loader, binaryName) == null) {
        return null;
      }
      if (!seesProbes(loader)) {
        SwapLog.invisible(binaryName, loader);
        return null;
      }
      if (jacoco()) {
        SwapLog.coverage(binaryName);
        return null;
      }
      return Swap.copy(loader::getResource, loader, binaryName, original);
    } catch (RuntimeException e) {
      SwapLog.failed(binaryName, e); // the JVM would drop it silently; the original runs either way
      return null;
    }
  }

  /**
   * Whether JaCoCo's agent is in this JVM, before or after lineprof's: either way the copy would
   * spoil its coverage (after: it records the copy, whose class id and probes no report from the
   * original classes matches). Every agent starts before the first application class loads.
   */
  private boolean jacoco() {
    if (!jacoco) {
      try {
        jacoco = Class.forName(JACOCO_RUNTIME_CLASS, false, null) != null;
      } catch (ClassNotFoundException e) {
        try {
          jacoco = UnknownError.class.getField(JACOCO_ACCESS_FIELD) != null;
        } catch (NoSuchFieldException none) {
          // no JaCoCo agent in this JVM
        }
      }
    }
    return jacoco;
  }

  private boolean seesProbes(ClassLoader loader) {
    Boolean known;
    synchronized (seesProbes) {
      known = seesProbes.get(loader);
    }
    if (known == null) { // looked up outside the lock: loading may wait on other loaders' locks
      try {
        known = Class.forName(FunctionProbe.class.getName(), false, loader) == FunctionProbe.class;
      } catch (ClassNotFoundException | LinkageError e) {
        known = false;
      }
      synchronized (seesProbes) {
        seesProbes.put(loader, known);
      }
    }
    return known;
  }
}
