package io.github.lineprof.internal.swap;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where lineprof's files are, named once for the processor that writes the copies, the plugin that
 * compiles, fingerprints and packages them, and the swap that reads them: the paths in a module's
 * class output, the line tables' names, the fingerprint of an original, and the tests' report
 * folders below the build directory.
 */
public final class Layout {
  /** lineprof's folder in a module's class output. */
  public static final String ROOT = "META-INF/lineprof/";

  /** The instrumented classes, by the path of their originals, compiled by the plugin. */
  public static final String COPY_CLASSES = ROOT + "classes/";

  /** The instrumented copy of each source file the processor instrumented. */
  public static final String COPY_SOURCES = ROOT + "src/";

  /** Per source file, {@code <File>.txt}: its instrumented methods, one a line. */
  public static final String SUMMARIES = ROOT + "instrumented/";

  /**
   * Beside a copy {@code X.class}, {@code X.class.sha256}: the {@linkplain #fingerprint
   * fingerprint} of the original class file the copy was built from.
   */
  public static final String FINGERPRINT_SUFFIX = ".sha256";

  /** The simple name of a source file's line table is this and the file's stem. */
  static final String LINE_TABLE_PREFIX = "LineProf_";

  /** Below the build directory: the reports of surefire's test JVMs, one folder per JVM. */
  public static final String SUREFIRE_REPORTS = "lineprof/surefire";

  /** Below the build directory: the reports of failsafe's test JVMs, one folder per JVM. */
  public static final String FAILSAFE_REPORTS = "lineprof/failsafe";

  private Layout() {}

  /** The lowercase hex SHA-256 of a class file, as its copy's fingerprint file holds it. */
  public static String fingerprint(byte[] classFile) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(classFile));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code a/b/C$D.class} for {@code a.b.C$D}. */
  static String classFile(String binaryName) {
    return binaryName.replace('.', '/') + ".class";
  }

  /** The simple name of the line table of the source file {@code <stem>.java}. */
  public static String lineTable(String stem) {
    return LINE_TABLE_PREFIX + stem;
  }

  /**
   * For the class file of a line table ({@code p/LineProf_X.class}, or a class nested in it), the
   * copy of the source file it belongs to ({@code META-INF/lineprof/src/p/X.java}); null for any
   * other class file.
   */
  public static String copySourceOfLineTable(String classFilePath) {
    int slash = classFilePath.lastIndexOf('/');
    String name = classFilePath.substring(slash + 1);
    if (!name.startsWith(LINE_TABLE_PREFIX) || !name.endsWith(".class")) {
      return null;
    }
    String stem = name.substring(LINE_TABLE_PREFIX.length(), name.length() - ".class".length());
    int nested = stem.indexOf('$');
    stem = nested < 0 ? stem : stem.substring(0, nested);
    return stem.isEmpty()
        ? null
        : COPY_SOURCES + classFilePath.substring(0, slash + 1) + stem + ".java";
  }
}
