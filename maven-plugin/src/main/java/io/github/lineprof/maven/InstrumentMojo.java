package io.github.lineprof.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Dependency;
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
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Writes and compiles the instrumented copies of the module's {@code @LineProfile} code, beside its
 * classes, without touching them or the module's artifact:
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
  static final String PROCESSOR = "io.github.lineprof.processor.LineProfileProcessor";
  static final String PROCESSOR_ARTIFACT = "lineprof-processor";

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
    Path lineprof = classes.resolve("META-INF/lineprof");
    Path copies = lineprof.resolve("src");
    Path copiesOut = lineprof.resolve("classes");
    Path tables = tablesDirectory.toPath();
    Path generated = workDirectory.toPath().resolve("generated");
    // javac takes a module-info.class in -d for the module being compiled: these compiles write
    // beside
    // the module's classes and are moved in after
    Path processorOut = workDirectory.toPath().resolve("processor-out");
    Path tablesOut = workDirectory.toPath().resolve("tables-out");
    deleteTree(lineprof);
    deleteTree(workDirectory.toPath());
    deleteTree(tables);

    CompilerSettings settings = CompilerSettings.of(project);
    warnUnprofiled(settings);
    List<Path> sources = moduleSources(settings);
    if (sources.isEmpty()) {
      getLog().info("lineprof: no sources to instrument");
      return;
    }
    String classpath = Javac.path(compileClasspath());
    mkdirs(tables, generated, processorOut, tablesOut);
    Javac javac = new Javac(getLog());

    // 1. The copies and line tables. module-info.java is left out: the copies are compiled on the
    // class
    // path, where the module's dependencies all are.
    List<String> first = new ArrayList<>(settings.levelOptions());
    first.addAll(
        List.of(
            "-proc:only",
            "-processor",
            PROCESSOR,
            "-processorpath",
            Javac.path(
                pluginArtifacts.stream()
                    .map(a -> a.getFile().getPath())
                    .collect(Collectors.toList())),
            "-classpath",
            classpath,
            "-d",
            processorOut.toString(),
            "-s",
            tables.toString()));
    List<String> include = new ArrayList<>(includes);
    for (String arg : settings.compilerArgs()) {
      if (arg.startsWith("-Alineprof.include=")) {
        include.add(arg.substring("-Alineprof.include=".length()));
      } else if (arg.startsWith("-A")) {
        first.add(arg);
      }
    }
    if (!include.isEmpty()) {
      first.add("-Alineprof.include=" + String.join(",", include));
    }
    if (!excludes.isEmpty()) {
      first.add("-Alineprof.exclude=" + String.join(",", excludes));
    }
    javac.compile("the instrumented copies (lineprof's processor)", first, sources, false);
    moveInto(processorOut, classes);

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
    List<String> second = new ArrayList<>(settings.levelOptions());
    second.addAll(
        List.of(
            "-proc:none",
            "-implicit:none",
            "-sourcepath",
            tables.toString(),
            "-classpath",
            classpath,
            "-d",
            tablesOut.toString()));
    javac.compile("lineprof's line tables", second, Javac.javaFiles(tables), true);
    moveInto(tablesOut, classes);
    mkdirs(copiesOut);

    // 3. The copies, as the module's compile would: same settings, same processors.
    copyLombokConfig(settings, copies);
    List<String> third = new ArrayList<>(settings.levelOptions());
    if (settings.debug() != null) {
      third.add(settings.debug().isEmpty() ? "-g" : "-g:" + settings.debug());
    }
    if (settings.parameters()) {
      third.add("-parameters");
    }
    if (settings.proc() != null) {
      third.add("-proc:" + settings.proc());
    }
    if (!settings.processors().isEmpty()) {
      third.add("-processor");
      third.add(String.join(",", settings.processors()));
    }
    List<String> processorPath = processorPath(settings);
    if (!processorPath.isEmpty()) {
      third.add("-processorpath");
      third.add(Javac.path(processorPath));
    }
    third.addAll(
        List.of(
            "-sourcepath",
            copies.toString(),
            "-classpath",
            classpath,
            "-d",
            copiesOut.toString(),
            "-s",
            generated.toString()));
    settings.compilerArgs().stream().filter(a -> !a.startsWith("-Alineprof.")).forEach(third::add);
    List<Path> compiled = javac.compileCopies(third, copySources, copiesOut);
    writeFingerprints(copiesOut, classes);
    getLog()
        .info("lineprof: " + compiled.size() + " instrumented file(s) compiled into " + copiesOut);
  }

  /**
   * Beside each copy, {@code <Class>.class.sha256}: the SHA-256 of the original class file it was
   * built from, so the agent and the harness never swap in a copy whose original changed since (an
   * IDE rebuild, a {@code mvn compile} without this goal).
   */
  private static void writeFingerprints(Path copiesOut, Path classes)
      throws MojoExecutionException {
    try (Stream<Path> walk = Files.walk(copiesOut)) {
      for (Path copy :
          walk.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        Path original = classes.resolve(copiesOut.relativize(copy).toString());
        if (Files.isRegularFile(original)) {
          byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(original));
          Files.writeString(
              copy.resolveSibling(copy.getFileName() + ".sha256"),
              HexFormat.of().formatHex(digest) + "\n");
        }
      }
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new MojoExecutionException(
          "lineprof: cannot fingerprint the originals of " + copiesOut + ": " + e, e);
    }
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

  /**
   * The module's {@code <annotationProcessorPaths>}, resolved with their dependencies; lineprof's
   * own is left out.
   */
  private List<String> processorPath(CompilerSettings settings) throws MojoExecutionException {
    CollectRequest request = new CollectRequest();
    for (CompilerSettings.Coordinates c : settings.processorPaths()) {
      if (PROCESSOR_ARTIFACT.equals(c.artifactId()) && "io.github.lineprof".equals(c.groupId())) {
        continue; // the old setup's: it would instrument the copies again
      }
      String version = c.version() != null ? c.version() : managedVersion(c);
      request.addDependency(
          new org.eclipse.aether.graph.Dependency(
              new DefaultArtifact(
                  c.groupId(),
                  c.artifactId(),
                  c.classifier(),
                  c.type() == null ? "jar" : c.type(),
                  version),
              "runtime"));
    }
    if (request.getDependencies().isEmpty()) {
      return List.of();
    }
    request.setRepositories(project.getRemoteProjectRepositories());
    try {
      return repositorySystem
          .resolveDependencies(repositorySession, new DependencyRequest(request, null))
          .getArtifactResults()
          .stream()
          .map(ArtifactResult::getArtifact)
          .map(a -> a.getFile().getPath())
          .collect(Collectors.toList());
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "lineprof: cannot resolve the annotation processor path: " + e.getMessage(), e);
    }
  }

  private String managedVersion(CompilerSettings.Coordinates c) throws MojoExecutionException {
    List<Dependency> candidates = new ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      candidates.addAll(project.getDependencyManagement().getDependencies());
    }
    return candidates.stream()
        .filter(d -> d.getGroupId().equals(c.groupId()) && d.getArtifactId().equals(c.artifactId()))
        .map(Dependency::getVersion)
        .findFirst()
        .orElseThrow(
            () ->
                new MojoExecutionException(
                    "lineprof: annotation processor path "
                        + c.groupId()
                        + ":"
                        + c.artifactId()
                        + " has no version, and dependency management has none"));
  }

  /** Lombok reads lombok.config beside the sources and above them: the copies need the same. */
  private void copyLombokConfig(CompilerSettings settings, Path copies)
      throws MojoExecutionException {
    for (String root : project.getCompileSourceRoots()) {
      Path rootPath = Path.of(root);
      if (!Files.isDirectory(rootPath)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(rootPath)) {
        for (Path config :
            walk.filter(p -> p.getFileName().toString().equals("lombok.config"))
                .collect(Collectors.toList())) {
          Path target = copies.resolve(rootPath.relativize(config).toString());
          Files.createDirectories(target.getParent());
          Files.copy(config, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new MojoExecutionException("lineprof: cannot copy lombok.config files: " + e, e);
      }
    }
  }

  /** Moves every file under {@code from} to the same place under {@code to}. */
  private static void moveInto(Path from, Path to) throws MojoExecutionException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot move " + from + " into " + to + ": " + e, e);
    }
  }

  private static void mkdirs(Path... dirs) throws MojoExecutionException {
    try {
      for (Path dir : dirs) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: " + e, e);
    }
  }

  /** Stale copies of a previous build would be swapped in: every run starts afresh. */
  static void deleteTree(Path dir) throws MojoExecutionException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot delete " + dir + ": " + e, e);
    }
  }
}
