package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {
  @TempDir Path dir;

  private Path write(Path file, byte[] bytes) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  @Test
  void eachCopyGetsTheSha256OfItsOriginalAndACopyWithoutOriginalNone() throws Exception {
    Path classes = dir.resolve("classes");
    Path copies = classes.resolve("META-INF/lineprof/classes");
    byte[] original = {(byte) 0xca, (byte) 0xfe, 1, 2};
    write(classes.resolve("p/A.class"), original);
    write(copies.resolve("p/A.class"), new byte[] {9});
    write(copies.resolve("p/Generated.class"), new byte[] {9});

    Fingerprints.write(copies, classes);

    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
    assertThat(Files.readString(copies.resolve("p/A.class.sha256"))).isEqualTo(sha256 + "\n");
    assertThat(Files.exists(copies.resolve("p/Generated.class.sha256"))).isFalse();
  }
}
