package io.github.lineprof.internal.swap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the instrumented classes are, which classes are never swapped, and when a copy may replace
 * its original: the rules the class loader of the harness and the agent share.
 */
public final class Swap {
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
    String[] parts = pkg.split("\\.", -1);
    return parts.length == 3 || RUNTIME_SUBPACKAGES.contains(parts[3]);
  }

  /** The instrumented version of a class as {@code loader} sees it, or null if it has none. */
  public static URL instrumented(ClassLoader loader, String binaryName) {
    return loader.getResource(Layout.COPY_CLASSES + Layout.classFile(binaryName));
  }

  /**
   * The bytes to define for {@code binaryName} in place of its original, or null to run the
   * original: when it has no copy, when its source file is not one lineprof instrumented (the copy
   * is another processor's output, which may differ from what the application was built with), when
   * its copy was built from another original (its fingerprint differs: the class changed since, and
   * the copy would run old code), when the bytes about to be defined are not the class file (an
   * earlier agent transformed them, and the copy would discard its work), or when {@code loader}
   * leaves to another loader the classes of the same package that the copy needs (its line table):
   * the copy could not reach them. Every refusal is recorded in {@link SwapLog}.
   *
   * @param resources the class path to look in, e.g. {@code loader::getResource}
   * @param loader the loader about to define the class
   * @param defining the bytes about to be defined (agent), or null (the harness's loader defines)
   */
  public static byte[] copy(
      Function<String, URL> resources, ClassLoader loader, String binaryName, byte[] defining) {
    String file = Layout.classFile(binaryName);
    URL copyFile = resources.apply(Layout.COPY_CLASSES + file);
    if (copyFile == null) {
      return null;
    }
    byte[] copy = read(copyFile);
    ClassFileFacts copyFacts = ClassFileFacts.of(copy);
    if (!instrumentedSource(resources, binaryName, copyFacts)) {
      return null;
    }
    URL originalFile = resources.apply(file);
    byte[] original = originalFile == null ? defining : read(originalFile);
    URL fingerprint = resources.apply(Layout.COPY_CLASSES + file + Layout.FINGERPRINT_SUFFIX);
    if (fingerprint != null
        && original != null
        && !new String(read(fingerprint), StandardCharsets.US_ASCII)
            .trim()
            .equals(Layout.fingerprint(original))) {
      SwapLog.stale(binaryName);
      return null;
    }
    if (defining != null && original != null && !Arrays.equals(defining, original)) {
      SwapLog.transformedBefore(binaryName);
      return null;
    }
    if (original != null) {
      String unreachable = unreachablePackageMate(loader, binaryName, copyFacts, original);
      if (unreachable != null) {
        SwapLog.split(binaryName, loader, unreachable);
        return null;
      }
    }
    SwapLog.swapped(binaryName);
    return copy;
  }

  /**
   * Whether the class was compiled from a source file lineprof instrumented: its {@code SourceFile}
   * (or, compiled without one, its top-level class's name) has a copy in {@link
   * Layout#COPY_SOURCES}.
   */
  private static boolean instrumentedSource(
      Function<String, URL> resources, String binaryName, ClassFileFacts copy) {
    int dot = binaryName.lastIndexOf('.');
    String packagePath = dot < 0 ? "" : binaryName.substring(0, dot + 1).replace('.', '/');
    String source = copy.sourceFile();
    if (source == null) {
      String simple = binaryName.substring(dot + 1);
      int nested = simple.indexOf('$');
      source = (nested < 0 ? simple : simple.substring(0, nested)) + ".java";
    }
    return resources.apply(Layout.COPY_SOURCES + packagePath + source) != null;
  }

  /**
   * A class of the same package that the copy names and the original does not (its line table),
   * which {@code loader} does not define itself, or null if there is none. Package-private access
   * holds only within one loader's package, so the copy would fail with an IllegalAccessError.
   */
  private static String unreachablePackageMate(
      ClassLoader loader, String binaryName, ClassFileFacts copy, byte[] original) {
    int dot = binaryName.lastIndexOf('.');
    String pkg = binaryName.substring(0, dot + 1);
    Set<String> originalClasses = ClassFileFacts.of(original).classes();
    for (String name : copy.classes()) {
      if (name.startsWith(pkg)
          && name.indexOf('.', pkg.length()) < 0
          && !originalClasses.contains(name)) {
        try {
          if (Class.forName(name, false, loader).getClassLoader() != loader) {
            return name;
          }
        } catch (ClassNotFoundException | LinkageError e) {
          return name;
        }
      }
    }
    return null;
  }

  public static byte[] read(URL classFile) {
    try (InputStream in = classFile.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot read " + classFile, e);
    }
  }
}
