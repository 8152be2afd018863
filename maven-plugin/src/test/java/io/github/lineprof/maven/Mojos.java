package io.github.lineprof.maven;

import java.io.File;
import java.lang.reflect.Field;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;

/** Sets a mojo's parameters as Maven would, by field name, up its class hierarchy. */
final class Mojos {
  private Mojos() {}

  static <T> T set(T mojo, String name, Object value) {
    for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
        return mojo;
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no parameter " + name + " in " + mojo.getClass());
  }

  /** lineprof-runtime as the plugin's dependency, at {@code file}. */
  static Artifact runtime(File file) {
    Artifact artifact =
        new DefaultArtifact(
            "io.github.lineprof",
            "lineprof-runtime",
            "0.1.0-SNAPSHOT",
            "compile",
            "jar",
            null,
            new DefaultArtifactHandler("jar"));
    artifact.setFile(file);
    return artifact;
  }
}
