package io.github.lineprof.internal.swap;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path a scenario's classes came from, with manifest-only jars (as surefire uses them)
 * expanded: the URLs of the class loaders between it and the application loader (what {@code mvn
 * exec:java} and IDE launchers create), then the application's class path and module path.
 */
public final class Classpath {
  private Classpath() {}

  public static URL[] of(ClassLoader loader) {
    // by their text: URL.equals and hashCode look host names up
    Map<String, URL> urls = new LinkedHashMap<>();
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            add(new File(URI.create(url.toString())), urls);
          } else {
            urls.putIfAbsent(url.toExternalForm(), url);
          }
        }
      }
    }
    for (String property : new String[] {"java.class.path", "jdk.module.path"}) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator, -1)) {
        if (!entry.isEmpty()) {
          add(new File(entry), urls);
        }
      }
    }
    return urls.values().toArray(new URL[0]);
  }

  /** The file entries of {@code urls} as a {@code -cp} argument. */
  public static String asPath(URL[] urls) {
    StringBuilder path = new StringBuilder();
    for (URL url : urls) {
      if ("file".equals(url.getProtocol())) {
        path.append(path.length() == 0 ? "" : File.pathSeparator)
            .append(new File(URI.create(url.toString())));
      }
    }
    return path.toString();
  }

  private static void add(File entry, Map<String, URL> urls) {
    try {
      URL url = entry.toURI().toURL();
      urls.putIfAbsent(url.toExternalForm(), url);
      if (entry.isFile() && entry.getName().endsWith(".jar")) {
        for (URL referenced : manifestClassPath(entry)) {
          urls.putIfAbsent(referenced.toExternalForm(), referenced);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read class path entry " + entry + ": " + e, e);
    }
  }

  private static List<URL> manifestClassPath(File jar) throws IOException {
    List<URL> urls = new ArrayList<>();
    try (JarFile file = new JarFile(jar)) {
      Manifest manifest = file.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath != null) {
        URI base = jar.toURI();
        for (String ref : classPath.trim().split("\\s+", -1)) {
          try {
            urls.add(base.resolve(ref).toURL());
          } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IOException("bad Class-Path entry '" + ref + "' in " + jar, e);
          }
        }
      }
    }
    return urls;
  }
}
