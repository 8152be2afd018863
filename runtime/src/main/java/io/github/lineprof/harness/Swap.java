package io.github.lineprof.harness;

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

  /** lineprof's own packages: one copy per JVM, so every probe reports to the same registry. */
  private static final Set<String> RUNTIME_PACKAGES = Set.of(
      "io.github.lineprof", "io.github.lineprof.probe", "io.github.lineprof.stats",
      "io.github.lineprof.report", "io.github.lineprof.harness", "io.github.lineprof.agent",
      "io.github.lineprof.jmh", "io.github.lineprof.cli");

  private Swap() {}

  /** True for classes of lineprof's runtime and the JDK, which are never swapped. */
  public static boolean isShared(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
    return RUNTIME_PACKAGES.contains(pkg) || pkg.startsWith("io.github.lineprof.shaded")
        || pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.") || pkg.startsWith("com.sun.");
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
