package io.github.lineprof.internal.run;

import io.github.lineprof.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * A scenario as bytes, to re-create it where its classes are others: in the swapping class loader
 * (a lambda keeps calling the classes its own class was linked against) or in a forked JVM.
 */
public final class ScenarioBytes {
  private ScenarioBytes() {}

  public static byte[] of(Scenario scenario) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(scenario);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "lineprof: the scenario must be serializable to be run with the"
              + " instrumented classes; whatever the lambda captures must be serializable too: "
              + e,
          e);
    }
    return bytes.toByteArray();
  }

  /** Rebuilds the scenario from classes of {@code loader}. */
  public static Scenario in(byte[] serialized, ClassLoader loader) {
    try (ObjectInputStream in =
        new LoaderObjectInputStream(new ByteArrayInputStream(serialized), loader)) {
      return (Scenario) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(
          "lineprof: cannot re-create the scenario in " + loader + ": " + e, e);
    }
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
