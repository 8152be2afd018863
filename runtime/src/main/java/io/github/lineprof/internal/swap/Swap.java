package io.github.lineprof.internal.swap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the instrumented classes are, which classes are never swapped, and when a copy may replace
 * its original: the rules the class loader of the harness and the agent share.
 */
public final class Swap {
  /** Where the second compile puts the instrumented classes, beside the originals. */
  public static final String INSTRUMENTED = "META-INF/lineprof/classes/";

  /**
   * Beside a copy {@code X.class}, {@code X.class.sha256}: the lowercase hex SHA-256 of the
   * original class file the copy was built from, written by lineprof's Maven plugin.
   */
  public static final String FINGERPRINT = ".sha256";

  /**
   * lineprof's own packages, one copy per JVM so every probe reports to the same registry: the API
   * package and the runtime's subpackages (RuntimePackagesTest checks every runtime class matches).
   */
  private static final Set<String> RUNTIME_SUBPACKAGES =
      Set.of("probe", "agent", "jmh", "internal");

  private Swap() {}

  /** True for classes of lineprof's runtime and the JDK, which are never swapped. */
  public static boolean isShared(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
    return isRuntimePackage(pkg)
        || pkg.startsWith("java.")
        || pkg.startsWith("javax.")
        || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.")
        || pkg.startsWith("com.sun.");
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
    return loader.getResource(INSTRUMENTED + classFile(binaryName));
  }

  /**
   * The bytes to define for {@code binaryName} in place of its original, or null to run the
   * original: when it has no copy, when its copy was built from another original (its fingerprint
   * differs: the class changed since, and the copy would run old code), or when the bytes about to
   * be defined are not the class file (an earlier agent transformed them, and the copy would
   * discard its work). Every refusal is recorded in {@link SwapLog}.
   *
   * @param resources the class path to look in, e.g. {@code loader::getResource}
   * @param defining the bytes about to be defined (agent), or null (the harness's loader defines)
   */
  public static byte[] copy(Function<String, URL> resources, String binaryName, byte[] defining) {
    String file = classFile(binaryName);
    URL copy = resources.apply(INSTRUMENTED + file);
    if (copy == null) {
      return null;
    }
    URL originalFile = resources.apply(file);
    byte[] original = originalFile == null ? defining : read(originalFile);
    URL fingerprint = resources.apply(INSTRUMENTED + file + FINGERPRINT);
    if (fingerprint != null
        && original != null
        && !new String(read(fingerprint), StandardCharsets.US_ASCII)
            .trim()
            .equals(sha256(original))) {
      SwapLog.stale(binaryName);
      return null;
    }
    if (defining != null && original != null && !Arrays.equals(defining, original)) {
      SwapLog.transformedBefore(binaryName);
      return null;
    }
    SwapLog.swapped(binaryName);
    return read(copy);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String classFile(String binaryName) {
    return binaryName.replace('.', '/') + ".class";
  }

  public static byte[] read(URL classFile) {
    try (InputStream in = classFile.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot read " + classFile, e);
    }
  }
}
