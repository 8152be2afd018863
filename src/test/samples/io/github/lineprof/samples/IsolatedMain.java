package io.github.lineprof.samples;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Runs the loops in a class loader isolated from the application's (its parent is the platform
 * loader, as plugin hosts and test frameworks make them), then in the application's.
 */
public final class IsolatedMain {
  private IsolatedMain() {}

  public static void main(String[] args) throws Exception {
    URL samples = IsolatedMain.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader("isolated", new URL[] {samples},
        ClassLoader.getPlatformClassLoader())) {
      Class<?> loops = isolated.loadClass(Loops.class.getName());
      System.out.println("isolated " + loops.getMethod("loops", int.class).invoke(null, 5));
    }
    System.out.println("application " + Loops.loops(5));
  }
}
