package io.github.lineprof.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor whose output differs from one compile to the next, as a build time stamp does: it
 * writes {@code p.Stamp} with the time of the compile.
 */
@SupportedAnnotationTypes("*")
public class StampProcessor extends AbstractProcessor {
  private boolean written;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!written) {
      written = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("p.Stamp").openWriter()) {
        out.write(
            "package p; public final class Stamp { public static final long STAMP = "
                + System.nanoTime()
                + "L; }");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
