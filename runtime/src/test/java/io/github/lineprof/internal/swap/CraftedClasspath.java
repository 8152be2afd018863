package io.github.lineprof.internal.swap;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/**
 * A class path made for the swap's tests: {@code crafted.A}, whose {@code value()} says
 * {@code "original"}, and beside it in {@code META-INF/lineprof/classes/} a copy saying {@code "copy"}.
 */
public final class CraftedClasspath {
  public static final String CLASS = "crafted.A";
  public final Path root;

  public CraftedClasspath(Path dir) throws IOException {
    root = dir.resolve("classes");
    compile(dir.resolve("original"), root, "original");
    compile(dir.resolve("copy"), root.resolve(Swap.INSTRUMENTED), "copy");
  }

  private static void compile(Path sources, Path out, String value) throws IOException {
    Path source = sources.resolve("crafted/A.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package crafted; public class A { public static String value() { return \""
        + value + "\"; } }");
    int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), source.toString());
    assertThat(exit).isEqualTo(0);
  }

  public URL url() throws IOException {
    return root.toUri().toURL();
  }

  public byte[] original() throws IOException {
    return Files.readAllBytes(root.resolve("crafted/A.class"));
  }

  /** Writes the copy's fingerprint: the SHA-256 of {@code original}'s bytes. */
  public void fingerprint(byte[] original) throws IOException {
    Files.writeString(root.resolve(Swap.INSTRUMENTED + "crafted/A.class" + Swap.FINGERPRINT),
        Swap.sha256(original) + "\n", StandardCharsets.US_ASCII);
  }
}
