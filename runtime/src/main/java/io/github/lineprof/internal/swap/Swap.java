package io.github.lineprof.internal.swap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Set;

/**
 * Where the instrumented classes are and which classes are never swapped: the one rule the class
 * loader of the harness and the agent share.
 */
public final class Swap {
  /** Where the second compile puts the instrumented classes, beside the originals. */
  public static final String INSTRUMENTED = "META-INF/lineprof/classes/";

  /**
   * lineprof's own packages, one copy per JVM so every probe reports to the same registry: the API
   * package and the runtime's subpackages (RuntimePackagesTest checks every runtime class matches).
   */
  private static final Set<String> RUNTIME_SUBPACKAGES = Set.of("probe", "agent", "jmh", "internal");

  private Swap() {}

  /** True for classes of lineprof's runtime and the JDK, which are never swapped. */
  public static boolean isShared(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
    return isRuntimePackage(pkg)
        || pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.") || pkg.startsWith("com.sun.");
  }

  private static boolean isRuntimePackage(String pkg) {
    if (!pkg.equals("io.github.lineprof") && !pkg.startsWith("io.github.lineprof.")) {
      return false;
    }
    String[] parts = pkg.split("\\.");
    return parts.length == 3 || RUNTIME_SUBPACKAGES.contains(parts[3]);
  }

  /** The instrumented version of a class as {@code loader} sees it, or null if it has none. */
  public static URL instrumented(ClassLoader loader, String binaryName) {
    return loader.getResource(INSTRUMENTED + binaryName.replace('.', '/') + ".class");
  }

  public static byte[] read(URL classFile) {
    try (InputStream in = classFile.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot read instrumented class " + classFile, e);
    }
  }
}
