package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.probe.ProbeCounts;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.processor.Instrumented.Source;
import io.github.lineprof.report.stats.FunctionStats;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus: source files under {@code src/test/resources/corpus/} whose every {@code static
 * case*(int k, List<Object> trace)} method is run on the original and on the instrumented copy,
 * each loaded by its own class loader, for the same inputs (some of which throw). Value, exception
 * (class, message, cause) and side effects (what the method added to {@code trace}) must be the
 * same. The originals and the copies must compile without a warning under {@code -Xlint:all}, and
 * each copy must be its original plus probes, line for line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CorpusBehaviourTest {
  static final List<String> FILES =
      List.of(
          "CorpusStatements",
          "CorpusSwitches",
          "CorpusExceptions",
          "CorpusLambdas",
          "CorpusClasses",
          "CorpusTricky",
          "CorpusMore");
  static final int[] INPUTS = {-3, -1, 0, 1, 2, 3, 4, 5, 7, 12};
  static final List<String> OPTIONS = List.of("-g", "-Xlint:all,-processing");

  private static Source[] sources;
  private static Compilation compilation;
  private static Compilation copies;
  private static URLClassLoader original;
  private static URLClassLoader copy;
  private static final List<String> classNames = new ArrayList<>();

  @BeforeAll
  static void compileBoth(@TempDir Path dir) throws Exception {
    List<Source> list = new ArrayList<>();
    for (String name : FILES) {
      try (InputStream in =
          CorpusBehaviourTest.class.getResourceAsStream("/corpus/" + name + ".java")) {
        list.add(
            new Source("corpus." + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    sources = list.toArray(new Source[0]);
    compilation = Instrumented.compile(OPTIONS, sources);
    assertThat(compilation).succeededWithoutWarnings();
    copies = Instrumented.compileCopies(compilation, OPTIONS, sources);
    assertThat(copies).succeededWithoutWarnings();
    for (JavaFileObject f : compilation.generatedFiles()) {
      String path = f.toUri().getPath();
      if (f.getKind() == JavaFileObject.Kind.CLASS && path.contains("CLASS_OUTPUT/corpus/")) {
        String name =
            path.substring(
                    path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                    path.length() - ".class".length())
                .replace('/', '.');
        classNames.add(name);
      }
    }
    classNames.sort(Comparator.naturalOrder());
    original =
        loader(
            Instrumented.writeClasses(
                compilation, Files.createDirectories(dir.resolve("original"))));
    copy = loader(Instrumented.writeClasses(copies, Files.createDirectories(dir.resolve("copy"))));
  }

  private static URLClassLoader loader(Path classes) throws IOException {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, CorpusBehaviourTest.class.getClassLoader());
    loader.setDefaultAssertionStatus(true);
    return loader;
  }

  @AfterAll
  static void close() throws IOException {
    original.close();
    copy.close();
  }

  @Test
  @Order(1)
  void everyCopyIsItsOriginalPlusProbes() {
    for (Source source : sources) {
      Instrumented.assertOriginalPlusProbes(
          source.text(), Instrumented.copyOf(compilation, source));
    }
  }

  @Test
  @Order(1)
  void theCorpusHasAtLeast150SampleMethods() throws Exception {
    assertThat(caseMethods(original).size()).isAtLeast(150);
    assertThat(probes(original).size()).isAtLeast(150);
  }

  /**
   * The copy adds no member and changes no modifier, in any class (lambdas' synthetic methods
   * included, so serialized lambdas and reflection find the same ones), nor a serialVersionUID.
   */
  @Test
  @Order(1)
  void everyClassKeepsItsShape() throws Exception {
    for (String name : classNames) {
      if (name.startsWith("corpus.LineProf_")) {
        continue;
      }
      Class<?> o = Class.forName(name, false, original);
      Class<?> c = Class.forName(name, false, copy);
      assertWithMessage("shape of %s", name).that(shape(c)).isEqualTo(shape(o));
      if (java.io.Serializable.class.isAssignableFrom(o)) {
        assertWithMessage("serialVersionUID of %s", name)
            .that(java.io.ObjectStreamClass.lookup(c).getSerialVersionUID())
            .isEqualTo(java.io.ObjectStreamClass.lookup(o).getSerialVersionUID());
      }
    }
  }

  private static List<String> shape(Class<?> type) {
    List<String> members = new ArrayList<>();
    members.add(
        Modifier.toString(type.getModifiers())
            + " "
            + type.getName()
            + " extends "
            + type.getGenericSuperclass()
            + " implements "
            + Arrays.toString(type.getGenericInterfaces()));
    for (Field f : type.getDeclaredFields()) {
      members.add(f.toGenericString());
    }
    for (Method m : type.getDeclaredMethods()) {
      members.add(m.toGenericString());
    }
    for (java.lang.reflect.Constructor<?> k : type.getDeclaredConstructors()) {
      members.add(k.toGenericString());
    }
    members.sort(Comparator.naturalOrder());
    return members;
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> copyBehavesLikeTheOriginal() throws Exception {
    List<Method> fromOriginal = caseMethods(original);
    List<Method> fromCopy = caseMethods(copy);
    assertThat(fromCopy.size()).isEqualTo(fromOriginal.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < fromOriginal.size(); i++) {
      Method o = fromOriginal.get(i);
      Method c = fromCopy.get(i);
      assertThat(c.getDeclaringClass().getName()).isEqualTo(o.getDeclaringClass().getName());
      tests.add(
          DynamicTest.dynamicTest(
              o.getDeclaringClass().getSimpleName() + "." + o.getName(),
              () -> {
                for (int k : INPUTS) {
                  Outcome expected = run(o, k);
                  Outcome actual = run(c, k);
                  assertWithMessage("%s(%s)", o.getName(), k).that(actual).isEqualTo(expected);
                }
              }));
    }
    return tests.stream();
  }

  /**
   * After the runs: every profiled function of a case method counted hits in the copy, none in the
   * original.
   */
  @Test
  @Order(3)
  void theCopiesCountedHitsForEveryCaseMethod() throws Exception {
    List<String> silent = new ArrayList<>();
    for (FunctionProbe p : probes(copy)) {
      FunctionStats stats = ProbeCounts.snapshot(p);
      if (ProbeCounts.snapshot(p).info().name().contains(".case") && stats.totalHits() == 0) {
        silent.add(ProbeCounts.snapshot(p).info().name());
      }
    }
    assertThat(silent).isEmpty();
    for (FunctionProbe p : probes(original)) {
      assertThat(ProbeCounts.snapshot(p).totalHits()).isEqualTo(0);
    }
  }

  /** What one call did: its value, or what it threw; and its trace. */
  record Outcome(String value, String thrown, String message, String cause, String trace) {}

  private static Outcome run(Method m, int k) throws Exception {
    List<Object> trace = new ArrayList<>();
    try {
      Object value = m.invoke(null, k, trace);
      return new Outcome(render(value), null, null, null, render(trace));
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      return new Outcome(
          null,
          t.getClass().getName(),
          t.getMessage(),
          t.getCause() == null
              ? null
              : t.getCause().getClass().getName() + ": " + t.getCause().getMessage(),
          render(trace));
    }
  }

  private static String render(Object value) {
    return value instanceof Object[] array
        ? Arrays.deepToString(array)
        : value != null && value.getClass().isArray()
            ? Arrays.deepToString(new Object[] {value})
            : String.valueOf(value);
  }

  private static List<Method> caseMethods(ClassLoader loader) throws Exception {
    List<Method> methods = new ArrayList<>();
    for (String name : classNames) {
      Class<?> type = Class.forName(name, false, loader);
      Method[] declared = type.getDeclaredMethods();
      Arrays.sort(declared, Comparator.comparing(Method::getName));
      for (Method m : declared) {
        if (m.getName().startsWith("case")
            && Modifier.isStatic(m.getModifiers())
            && Arrays.equals(m.getParameterTypes(), new Class<?>[] {int.class, List.class})) {
          m.setAccessible(true);
          methods.add(m);
        }
      }
    }
    return methods;
  }

  private static List<FunctionProbe> probes(ClassLoader loader) throws Exception {
    List<FunctionProbe> probes = new ArrayList<>();
    for (String name : classNames) {
      if (!name.startsWith("corpus.LineProf_")) {
        continue;
      }
      for (Field f : Class.forName(name, true, loader).getDeclaredFields()) {
        if (f.getType() == FunctionProbe.class) {
          f.setAccessible(true);
          probes.add((FunctionProbe) f.get(null));
        }
      }
    }
    return probes;
  }
}
