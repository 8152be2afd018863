package io.github.lineprof.internal.swap;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the application's classes itself (child first), taking a class's instrumented version from
 * {@code META-INF/lineprof/classes/} where there is one and it was built from this original ({@link
 * Swap#copy}). All application classes must come from this loader, not only the instrumented ones:
 * a class shares package-private access only with classes of the same loader. lineprof's own
 * runtime and the JDK come from the parent, so the probes report to the one registry the harness
 * reads.
 */
public final class SwapClassLoader extends URLClassLoader {
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

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        String file = name.replace('.', '/') + ".class";
        if (Swap.isShared(name) || findResource(file) == null) {
          return super.loadClass(name, resolve); // parent first: JDK, lineprof, not ours
        }
        byte[] copy = Swap.copy(this::findResource, this, name, null);
        copyAssertionStatus(name);
        c = copy == null ? findClass(name) : defineInstrumented(name, copy, findResource(file));
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  /**
   * Gives the class the assertion status its original has: a launcher may enable assertions through
   * its own class loader (surefire does) rather than with -ea, and asserts must run as they would.
   */
  private void copyAssertionStatus(String name) {
    try {
      setClassAssertionStatus(
          name, Class.forName(name, false, getParent()).desiredAssertionStatus());
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the parent: the JVM's default applies, as it would to the original
    }
  }

  private Class<?> defineInstrumented(String name, byte[] bytes, URL original) {
    int dot = name.lastIndexOf('.');
    if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
      definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
    }
    swapped.incrementAndGet();
    CodeSource source = new CodeSource(original, (Certificate[]) null);
    return defineClass(
        name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
  }
}
