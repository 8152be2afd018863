package io.github.lineprof.internal.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A jar of a manifest alone that makes a class of lineprof's runtime a {@code -javaagent:}: the JVM
 * takes an agent only from a jar whose manifest names its {@code Premain-Class}, and loads that
 * class with the system class loader from the jar's {@code Class-Path}, here the jar or folder that
 * holds lineprof's runtime. So any agent class works from any jar or folder of the runtime: a
 * benchmarks jar shaded without a {@code Premain-Class}, an IDE's classes folder.
 */
public final class ManifestOnlyJar {
  private ManifestOnlyJar() {}

  /** Writes {@code file}, naming {@code agent} and where its classes are, {@code classPath}. */
  public static Path write(Path file, Class<?> agent, List<Path> classPath) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(new Attributes.Name("Premain-Class"), agent.getName());
    main.put(
        Attributes.Name.CLASS_PATH,
        classPath.stream().map(path -> path.toUri().toString()).collect(Collectors.joining(" ")));
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
    return file;
  }
}
