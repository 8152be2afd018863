package io.github.lineprof.samples;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs the loops in a class loader that defines {@code Loops} itself, from its parent's bytes, and
 * takes every other class from the application's loader (as plugin hosts and hot-reload tools do),
 * then in the application's.
 */
public final class IsolatingMain {
  private IsolatingMain() {}

  public static void main(String[] args) throws Exception {
    ClassLoader isolating = new ClassLoader("isolating", IsolatingMain.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          if (!name.equals(Loops.class.getName())) {
            return super.loadClass(name, resolve);
          }
          Class<?> c = findLoadedClass(name);
          if (c == null) {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
              byte[] bytes = in.readAllBytes();
              c = defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
          return c;
        }
      }
    };
    Class<?> loops = isolating.loadClass(Loops.class.getName());
    System.out.println("isolating " + loops.getMethod("loops", int.class).invoke(null, 5));
    System.out.println("application " + Loops.loops(5));
  }
}
