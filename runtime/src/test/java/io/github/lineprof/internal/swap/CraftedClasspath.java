package io.github.lineprof.internal.swap;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * A class path made for the swap's tests, laid out as lineprof's plugin lays out a module's
 * classes: {@code crafted.A}, whose {@code value()} says {@code "original"}, its line table {@code
 * crafted.LineProf_A} (package-private) beside it, and in {@code META-INF/lineprof/} the copy's
 * source and the copy, whose {@code value()} asks the line table and says {@code "copy"}. Also
 * {@code crafted.Gen}, as another annotation processor generates it: a second version in {@code
 * META-INF/lineprof/classes/} (the copies' compile ran that processor again), but no source there,
 * as lineprof did not instrument it.
 */
public final class CraftedClasspath {
  public static final String CLASS = "crafted.A";
  public static final String GENERATED = "crafted.Gen";
  private static final String COPY =
      "package crafted; public class A { public static String value() {"
          + " return LineProf_A.copy(); } }";
  public final Path root;

  public CraftedClasspath(Path dir) throws IOException {
    root = dir.resolve("classes");
    compile(
        dir.resolve("original"),
        root,
        root,
        "crafted/A.java",
        "package crafted; public class A { public static String value() { return \"original\"; } }",
        "crafted/LineProf_A.java",
        "package crafted; final class LineProf_A { static String copy() { return \"copy\"; } }",
        "crafted/Gen.java",
        "package crafted; public class Gen { public static String value() { return \"original\"; } }");
    Path copies = root.resolve(Layout.COPY_CLASSES);
    compile(
        dir.resolve("copy"),
        copies,
        root,
        "crafted/A.java",
        COPY,
        "crafted/Gen.java",
        "package crafted; public class Gen { public static String value() { return \"copy\"; } }");
    Path source = root.resolve(Layout.COPY_SOURCES + "crafted/A.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, COPY);
  }

  /** Compiles the sources given as path and text pairs into {@code out}. */
  private static void compile(Path sources, Path out, Path classpath, String... files)
      throws IOException {
    String[] args = new String[files.length / 2 + 4];
    args[0] = "-d";
    args[1] = out.toString();
    args[2] = "-cp";
    args[3] = classpath.toString();
    for (int i = 0; i < files.length; i += 2) {
      Path source = sources.resolve(files[i]);
      Files.createDirectories(source.getParent());
      Files.writeString(source, files[i + 1]);
      args[4 + i / 2] = source.toString();
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).isEqualTo(0);
  }

  public URL url() throws IOException {
    return root.toUri().toURL();
  }

  public byte[] original() throws IOException {
    return Files.readAllBytes(root.resolve("crafted/A.class"));
  }

  /** Writes the copy's fingerprint: the SHA-256 of {@code original}'s bytes. */
  public void fingerprint(byte[] original) throws IOException {
    Files.writeString(
        root.resolve(Layout.COPY_CLASSES + "crafted/A.class" + Layout.FINGERPRINT_SUFFIX),
        Layout.fingerprint(original) + "\n",
        StandardCharsets.US_ASCII);
  }
}
