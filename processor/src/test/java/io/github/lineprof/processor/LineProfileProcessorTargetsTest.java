package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import io.github.lineprof.internal.swap.Layout;
import io.github.lineprof.processor.Instrumented.Source;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * What the processor profiles: annotated methods and constructors, every method of an annotated
 * class or of a class matched by {@code -Alineprof.include}, methods of local and anonymous
 * classes; the summary file it writes; and how it lives with other processors and compilers.
 */
class LineProfileProcessorTargetsTest {
  static final List<String> LINT = LineProfileProcessorCopyTest.LINT;

  private static List<String> instrumented(Compilation compilation) {
    List<String> names = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.notes()) {
      String message = d.getMessage(null);
      if (message.startsWith("lineprof: instrumented ")) {
        names.add(
            message.substring("lineprof: instrumented ".length(), message.indexOf(" (lines ")));
      }
    }
    return names;
  }

  @Test
  void aClassAnnotationProfilesEveryMethodAndConstructorWithABodyNestedClassesToo() {
    Compilation compilation = Instrumented.compile(LINT, TestSources.CLASS_LEVEL);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(instrumented(compilation))
        .containsExactlyElementsIn(TestSources.FUNCTIONS.get(TestSources.CLASS_LEVEL));
  }

  /** A method of an anonymous or local class outside any profiled method: found in the tree. */
  @Test
  void annotatedMethodsOfLocalAndAnonymousClassesAndEnumConstantBodiesAreProfiled() {
    Source source =
        new Source(
            "demo.Hidden",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class Hidden {
          static final Runnable FIELD = new Runnable() {
            @LineProfile
            @Override
            public void run() {
              System.out.println("field");
            }
          };

          enum Op {
            ADD {
              @LineProfile
              int apply(int a) {
                return a + 1;
              }
            };

            abstract int apply(int a);
          }

          static Object holder() {
            class Local {
              @io.github.lineprof.LineProfile
              Local() {
                super();
              }
            }
            return new Object() {
              @LineProfile
              @Override
              public String toString() {
                return "anon" + new Local();
              }
            };
          }
        }
        """);
    Compilation compilation = Instrumented.compile(LINT, source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(instrumented(compilation))
        .containsExactly(
            "Hidden.FIELD.run",
            "Hidden.Op.ADD.apply",
            "Hidden.holder.Local.<init>",
            "Hidden.holder.<anonymous Object>.toString");
    Instrumented.assertOriginalPlusProbes(source.text(), Instrumented.copyOf(compilation, source));
    assertThat(Instrumented.compileCopies(compilation, LINT, source)).succeededWithoutWarnings();
  }

  /** A name that is no import of lineprof's annotation does not count. */
  @Test
  void anotherAnnotationCalledLineProfileIsNotOurs() {
    Source source =
        new Source(
            "demo.Other",
            """
        package demo;

        class Other {
          @interface LineProfile {}

          static Object holder() {
            return new Object() {
              @LineProfile
              @Override
              public String toString() {
                return "anon";
              }
            };
          }
        }
        """);
    Compilation compilation = Instrumented.compile(LINT, source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(instrumented(compilation)).isEmpty();
    assertThat(Instrumented.copyFile(compilation, source)).isEmpty();
  }

  static final Source PARSER =
      new Source(
          "com.example.parser.Parser",
          """
      package com.example.parser;

      public class Parser {
        private final String text;

        public Parser(String text) {
          this.text = text;
        }

        int count(char c) {
          int n = 0;
          for (char x : text.toCharArray()) {
            if (x == c) n++;
          }
          return n;
        }

        abstract static class Node {
          abstract int size();

          int twice() {
            return 2 * size();
          }
        }
      }
      """);

  static final Source LEXER =
      new Source(
          "com.example.parser.lexer.Lexer",
          """
      package com.example.parser.lexer;

      public class Lexer {
        int next() {
          return 1;
        }
      }
      """);

  static final Source APP =
      new Source(
          "com.example.App",
          """
      package com.example;

      public class App {
        int run() {
          return 0;
        }
      }
      """);

  @Test
  void includeOptionProfilesMatchingClassesWithoutAnnotations() {
    Compilation compilation =
        Instrumented.compile(
            List.of("-Alineprof.include=com.example.parser.*", "-Xlint:all,-processing"),
            PARSER,
            LEXER,
            APP);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(instrumented(compilation))
        .containsExactly("Parser.<init>", "Parser.count", "Parser.Node.twice");
    assertThat(Instrumented.copyFile(compilation, LEXER)).isEmpty();
    assertThat(Instrumented.copyFile(compilation, APP)).isEmpty();
    Instrumented.assertOriginalPlusProbes(PARSER.text(), Instrumented.copyOf(compilation, PARSER));
    assertThat(Instrumented.compileCopies(compilation, LINT, PARSER)).succeededWithoutWarnings();
  }

  @Test
  void includeOptionTakesSeveralGlobsAndDoubleStarCrossesPackages() {
    Compilation compilation =
        Instrumented.compile(
            List.of("-Alineprof.include= com.example.**.Lexer , com.example.App"),
            PARSER,
            LEXER,
            APP);
    assertThat(compilation).succeeded();
    assertThat(instrumented(compilation)).containsExactly("Lexer.next", "App.run");
  }

  @Test
  void excludeOptionTakesClassesOutOfWhatTheIncludesMatch() {
    Compilation compilation =
        Instrumented.compile(
            List.of(
                "-Alineprof.include=com.example.**",
                "-Alineprof.exclude=com.example.parser.*,com.example.App"),
            PARSER,
            LEXER,
            APP);
    assertThat(compilation).succeeded();
    assertThat(instrumented(compilation)).containsExactly("Lexer.next");
  }

  @Test
  void withoutTheRuntimeOnTheClassPathOneErrorSaysSo() {
    Compilation compilation =
        javac()
            .withProcessors(new LineProfileProcessor())
            .withOptions("-Alineprof.include=com.example.App")
            .withClasspath(List.of()) // no lineprof-runtime
            .compile(APP.file());

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "@LineProfile needs io.github.lineprof:lineprof-runtime on the compile class path");
  }

  @Test
  void includeOptionWarnsAboutAnEntryThatMatchesNoClass() {
    Compilation compilation =
        Instrumented.compile(
            List.of("-Alineprof.include=com.example.App,com.exmaple.**"), PARSER, APP);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "-Alineprof.include entry 'com.exmaple.**' matched no class of this compilation");
    assertThat(instrumented(compilation)).containsExactly("App.run");
  }

  @Test
  void includeOptionWarnsAboutAnEntryThatIsNoGlob() {
    Compilation compilation =
        Instrumented.compile(List.of("-Alineprof.include=com.example/App,com.example.App"), APP);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("-Alineprof.include entry 'com.example/App' is no glob");
    assertThat(instrumented(compilation)).containsExactly("App.run");
  }

  @Test
  void summaryFileListsTheInstrumentedMethodsOfEachFile() {
    Compilation compilation =
        Instrumented.compile(TestSources.NESTING, TestSources.DEFAULT_PACKAGE);
    assertThat(compilation).succeeded();
    Optional<JavaFileObject> nesting =
        compilation.generatedFile(
            StandardLocation.CLASS_OUTPUT, "", Layout.SUMMARIES + "demo/Nesting.txt");
    assertThat(nesting.isPresent()).isTrue();
    StringBuilder expected = new StringBuilder();
    for (LineProfileProcessorTest.MethodLines m : LineProfileProcessorTest.NESTING_METHODS) {
      expected
          .append(m.name())
          .append(' ')
          .append(m.first())
          .append('-')
          .append(m.last())
          .append('\n');
    }
    assertThat(Instrumented.text(nesting.get())).isEqualTo(expected.toString());
    Optional<JavaFileObject> noPackage =
        compilation.generatedFile(
            StandardLocation.CLASS_OUTPUT, "", Layout.SUMMARIES + "NoPackage.txt");
    assertThat(Instrumented.text(noPackage.orElseThrow())).isEqualTo("NoPackage.f 4-11\n");
  }

  /**
   * Gradle's and Eclipse's processing environments are proxies: no Tree API, one warning, no
   * output.
   */
  @Test
  void withoutTheTreeApiTheProcessorWarnsOnceAndWritesNothing() {
    LineProfileProcessor inner = new LineProfileProcessor();
    AbstractProcessor wrapped =
        new AbstractProcessor() {
          @Override
          public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            InvocationHandler delegate =
                (proxy, method, args) -> {
                  try {
                    return method.invoke(env, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                };
            inner.init(
                (ProcessingEnvironment)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ProcessingEnvironment.class},
                        delegate));
          }

          @Override
          public Set<String> getSupportedAnnotationTypes() {
            return inner.getSupportedAnnotationTypes();
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return inner.getSupportedSourceVersion();
          }

          @Override
          @SuppressWarnings("DoNotClaimAnnotations") // claims what the processor it wraps claims
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return inner.process(annotations, round);
          }
        };
    Compilation compilation =
        javac()
            .withProcessors(wrapped)
            .compile(TestSources.LOOPS.file(), TestSources.NESTING.file());
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "lineprof: this compiler has no Compiler Tree API; @LineProfile methods are not instrumented.");
    assertThat(compilation.generatedSourceFiles()).isEmpty();
    assertThat(Instrumented.copyFile(compilation, TestSources.LOOPS)).isEmpty();
  }

  /** Supporting "*" must not take annotations from other processors: lineprof never claims one. */
  @Test
  void otherProcessorsStillSeeTheirAnnotations() {
    List<String> seen = new ArrayList<>();
    AbstractProcessor recorder =
        new AbstractProcessor() {
          @Override
          public Set<String> getSupportedAnnotationTypes() {
            return Set.of(LineProfileProcessor.ANNOTATION, "java.lang.Deprecated");
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            annotations.forEach(a -> seen.add(a.getQualifiedName().toString()));
            return false;
          }
        };
    Source source =
        new Source(
            "demo.Deprecations",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class Deprecations {
          @Deprecated
          @LineProfile
          static int f() {
            return 1;
          }
        }
        """);
    Compilation compilation =
        javac().withProcessors(new LineProfileProcessor(), recorder).compile(source.file());
    assertThat(compilation).succeeded();
    assertThat(seen).containsExactly(LineProfileProcessor.ANNOTATION, "java.lang.Deprecated");
    assertThat(instrumented(compilation)).containsExactly("Deprecations.f");
  }

  /**
   * Files that use another processor's output, and files another processor generates: the second
   * compile sees the generated sources, and a generated file is instrumented in the round it
   * appears.
   */
  @Test
  void filesThatUseOrAreOtherProcessorsOutput() {
    AbstractProcessor generator =
        new AbstractProcessor() {
          private boolean done;

          @Override
          public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
              return false;
            }
            done = true;
            try (Writer out =
                processingEnv.getFiler().createSourceFile("demo.Generated").openWriter()) {
              out.write(
                  """
              package demo;

              public class Generated {
                @io.github.lineprof.LineProfile
                public static int twice(int x) {
                  int r = 2 * x;
                  return r;
                }
              }
              """);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            return false;
          }
        };
    Source user =
        new Source(
            "demo.User",
            """
        package demo;

        import io.github.lineprof.LineProfile;

        class User {
          @LineProfile
          static int f(int x) {
            return Generated.twice(x) + 1;
          }
        }
        """);
    Compilation compilation =
        javac()
            .withOptions(LINT)
            .withProcessors(generator, new LineProfileProcessor())
            .compile(user.file());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(instrumented(compilation)).containsExactly("User.f", "Generated.twice");
    // The second compile: the copy of User next to the generated sources (the line tables and
    // Generated).
    assertThat(Instrumented.compileCopies(compilation, LINT, user)).succeededWithoutWarnings();
    Source generated =
        new Source(
            "demo.Generated",
            Instrumented.text(compilation.generatedSourceFile("demo.Generated").orElseThrow()));
    Instrumented.assertOriginalPlusProbes(
        generated.text(), Instrumented.copyOf(compilation, generated));
  }
}
