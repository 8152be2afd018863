package io.github.lineprof.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the application's classes itself (child first), taking a class's instrumented version from
 * {@code META-INF/lineprof/classes/} where there is one. All application classes must come from this
 * loader, not only the instrumented ones: a class shares package-private access only with classes
 * of the same loader. lineprof's own runtime and the JDK come from the parent, so the probes report
 * to the one registry the harness reads.
 */
public final class SwapClassLoader extends URLClassLoader {
  /** Where the second compile puts the instrumented classes. */
  public static final String INSTRUMENTED = "META-INF/lineprof/classes/";

  private static final Set<String> RUNTIME_PACKAGES = Set.of(
      "io.github.lineprof", "io.github.lineprof.probe", "io.github.lineprof.stats",
      "io.github.lineprof.report", "io.github.lineprof.harness", "io.github.lineprof.agent",
      "io.github.lineprof.jmh", "io.github.lineprof.cli");

  static {
    registerAsParallelCapable();
  }

  private final AtomicInteger swapped = new AtomicInteger();

  public SwapClassLoader(URL[] classpath, ClassLoader parent) {
    super("lineprof-swap", classpath, parent);
  }

  /** How many instrumented classes this loader has loaded so far. */
  public int swappedClasses() {
    return swapped.get();
  }

  /** The instrumented version of a class on the given loader's class path, or null. */
  public static URL instrumented(ClassLoader loader, String className) {
    return loader.getResource(INSTRUMENTED + className.replace('.', '/') + ".class");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        String file = name.replace('.', '/') + ".class";
        if (isRuntime(name) || findResource(file) == null) {
          return super.loadClass(name, resolve); // parent first: JDK, lineprof, not ours
        }
        URL copy = findResource(INSTRUMENTED + file);
        c = copy == null ? findClass(name) : defineInstrumented(name, copy, findResource(file));
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private Class<?> defineInstrumented(String name, URL copy, URL original) {
    byte[] bytes;
    try (InputStream in = copy.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instrumented class " + copy, e);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
      definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
    }
    swapped.incrementAndGet();
    CodeSource source = new CodeSource(original, (Certificate[]) null);
    return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
  }

  private static boolean isRuntime(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && RUNTIME_PACKAGES.contains(name.substring(0, dot));
  }
}
