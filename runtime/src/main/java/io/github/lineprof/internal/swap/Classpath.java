package io.github.lineprof.internal.swap;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The application class path, with manifest-only jars (as surefire uses them) expanded. */
public final class Classpath {
  private Classpath() {}

  public static URL[] current() {
    Set<URL> urls = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        add(new File(entry), urls);
      }
    }
    return urls.toArray(new URL[0]);
  }

  private static void add(File entry, Set<URL> urls) {
    try {
      urls.add(entry.toURI().toURL());
      if (entry.isFile() && entry.getName().endsWith(".jar")) {
        for (URL referenced : manifestClassPath(entry)) {
          urls.add(referenced);
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
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath != null) {
        URI base = jar.toURI();
        for (String ref : classPath.trim().split("\\s+")) {
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
