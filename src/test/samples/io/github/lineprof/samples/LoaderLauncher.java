package io.github.lineprof.samples;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Starts a main the way {@code mvn exec:java} and IDE runners do: from a class loader of its own over
 * the application's class path, while {@code java.class.path} holds only the launcher.
 *
 * <p>Arguments: the class path, the main class, its arguments.
 */
public final class LoaderLauncher {
  private LoaderLauncher() {}

  public static void main(String[] args) throws Exception {
    String[] entries = args[0].split(File.pathSeparator);
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = new File(entries[i]).toURI().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Method main = Class.forName(args[1], true, loader).getMethod("main", String[].class);
      main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
  }
}
