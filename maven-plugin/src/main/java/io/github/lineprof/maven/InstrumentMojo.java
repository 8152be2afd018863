package io.github.lineprof.maven;

import io.github.lineprof.internal.swap.Layout;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Writes and compiles the instrumented copies of the module's {@code @LineProfile} code, beside its
 * classes, without touching them (the {@code jar} goal keeps the copies out of the module's jar):
 *
 * <ol>
 *   <li>lineprof's processor, alone, over the module's sources ({@code -proc:only}): the copies go
 *       to {@code META-INF/lineprof/src/}, the line tables ({@code LineProf_*}) to {@code
 *       target/generated-sources/lineprof/};
 *   <li>the line tables into the module's classes, where the application class loader finds them;
 *   <li>the copies into {@code META-INF/lineprof/classes/}, with the module's compiler settings and
 *       its other annotation processors (Lombok, AutoValue, MapStruct...), so the copies have every
 *       member the originals have.
 * </ol>
 */
@Mojo(
    name = "instrument",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class InstrumentMojo extends AbstractLineprofMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Component private RepositorySystem repositorySystem;

  /**
   * Classes to profile whole, without annotations: globs over qualified class names ({@code *}
   * stays between dots, {@code **} crosses them), e.g. {@code com.example.parser.**}. Passed to the
   * processor as {@code -Alineprof.include}.
   */
  @Parameter(property = "lineprof.includes")
  private List<String> includes = new ArrayList<>();

  /**
   * Classes the includes leave out, globs of the same kind, e.g. {@code
   * com.example.parser.generated.**}; a method annotated with {@code @LineProfile} is profiled all
   * the same. Passed to the processor as {@code -Alineprof.exclude}.
   */
  @Parameter(property = "lineprof.excludes")
  private List<String> excludes = new ArrayList<>();

  /**
   * Where the copies' generated sources and the compiles' scratch go; not a source root of the
   * module.
   */
  @Parameter(defaultValue = "${project.build.directory}/lineprof-work", required = true)
  private File workDirectory;

  /**
   * Where the line tables' sources ({@code LineProf_*.java}) are kept, to be read; not a source
   * root.
   */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-sources/lineprof",
      required = true)
  private File tablesDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    Path lineprof = classes.resolve(Layout.ROOT);
    Path copies = classes.resolve(Layout.COPY_SOURCES);
    Path copiesOut = classes.resolve(Layout.COPY_CLASSES);
    Path tables = tablesDirectory.toPath();
    Path generated = workDirectory.toPath().resolve("generated");
    // javac takes a module-info.class in -d for the module being compiled: these compiles write
    // beside the module's classes and are moved in after
    Path processorOut = workDirectory.toPath().resolve("processor-out");
    Path tablesOut = workDirectory.toPath().resolve("tables-out");
    BuildFiles.deleteTree(lineprof);
    BuildFiles.deleteTree(workDirectory.toPath());
    BuildFiles.deleteTree(tables);

    CompilerSettings settings = CompilerSettings.of(project);
    warnUnprofiled(settings);
    List<Path> sources = moduleSources(settings);
    if (sources.isEmpty()) {
      getLog().info("lineprof: no sources to instrument");
      return;
    }
    CopyCommands commands = new CopyCommands(settings, Javac.path(compileClasspath()));
    BuildFiles.mkdirs(tables, generated, processorOut, tablesOut);
    Javac javac = new Javac(getLog());

    // 1. The copies and line tables. module-info.java is left out: the copies are compiled on the
    // class path, where the module's dependencies all are.
    List<String> include = commands.includes(includes);
    String lineprofPath =
        Javac.path(
            pluginArtifacts.stream().map(a -> a.getFile().getPath()).collect(Collectors.toList()));
    javac.compile(
        "the instrumented copies (lineprof's processor)",
        commands.processorPass(lineprofPath, processorOut, tables, include, excludes),
        sources,
        false);
    BuildFiles.moveInto(processorOut, classes);

    List<Path> copySources = Javac.javaFiles(copies);
    if (copySources.isEmpty()) {
      getLog()
          .info(
              "lineprof: no @LineProfile method"
                  + (include.isEmpty() ? "" : " and no class matching " + String.join(",", include))
                  + " in "
                  + project.getArtifactId()
                  + "; nothing instrumented");
      return;
    }

    // 2. The line tables, beside the originals: the application class loader loads them, also for
    // the copies.
    javac.compile(
        "lineprof's line tables",
        commands.lineTables(tables, tablesOut),
        Javac.javaFiles(tables),
        true);
    BuildFiles.moveInto(tablesOut, classes);
    BuildFiles.mkdirs(copiesOut);

    // 3. The copies, as the module's compile would: same settings, same processors.
    BuildFiles.copyLombokConfig(
        project.getCompileSourceRoots().stream().map(Path::of).collect(Collectors.toList()),
        copies);
    List<String> processorPath =
        ProcessorPath.resolve(settings, project, repositorySystem, repositorySession);
    List<Path> compiled =
        javac.compileCopies(
            commands.copies(processorPath, copies, copiesOut, generated), copySources, copiesOut);
    Fingerprints.write(copiesOut, classes);
    getLog()
        .info("lineprof: " + compiled.size() + " instrumented file(s) compiled into " + copiesOut);
  }

  /** {@code @LineProfile} where this goal never looks is said, not silently ignored. */
  private void warnUnprofiled(CompilerSettings settings) throws MojoExecutionException {
    List<Path> tests =
        UnprofiledSources.annotated(
            project.getTestCompileSourceRoots().stream()
                .map(Path::of)
                .collect(Collectors.toList()));
    if (!tests.isEmpty()) {
      getLog()
          .warn(
              "lineprof: @LineProfile in test sources is not profiled (only the module's main"
                  + " sources are instrumented): "
                  + tests);
    }
    List<Path> generated =
        UnprofiledSources.annotated(List.of(Path.of(settings.generatedSourcesDirectory())));
    if (!generated.isEmpty()) {
      getLog()
          .warn(
              "lineprof: @LineProfile in sources another annotation processor generated is not"
                  + " profiled (lineprof instruments the sources you write): "
                  + generated);
    }
  }

  /** The module's Java sources, less those of its own processors' output and module-info.java. */
  private List<Path> moduleSources(CompilerSettings settings) throws MojoExecutionException {
    Path generatedRoot = Path.of(settings.generatedSourcesDirectory()).toAbsolutePath().normalize();
    List<Path> sources = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (!path.equals(generatedRoot)) {
        Javac.javaFiles(path).stream()
            .filter(p -> !p.getFileName().toString().equals("module-info.java"))
            .forEach(sources::add);
      }
    }
    return sources;
  }

  private List<String> compileClasspath() throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "lineprof: the compile class path is not resolved: " + e.getMessage(), e);
    }
  }
}
