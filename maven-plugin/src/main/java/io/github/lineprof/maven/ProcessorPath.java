package io.github.lineprof.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The module's {@code <annotationProcessorPaths>}, resolved with their dependencies as
 * maven-compiler-plugin resolves them, for the copies' compile; lineprof's own processor is left
 * out.
 */
final class ProcessorPath {
  static final String PROCESSOR_ARTIFACT = "lineprof-processor";

  private ProcessorPath() {}

  static List<String> resolve(
      CompilerSettings settings,
      MavenProject project,
      RepositorySystem repositorySystem,
      RepositorySystemSession session)
      throws MojoExecutionException {
    CollectRequest request = new CollectRequest();
    for (CompilerSettings.Coordinates c : settings.processorPaths()) {
      if (isLineprof(c)) {
        continue; // the old setup's: it would instrument the copies again
      }
      String version = c.version() != null ? c.version() : managedVersion(c, project);
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
          .resolveDependencies(session, new DependencyRequest(request, null))
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

  static boolean isLineprof(CompilerSettings.Coordinates c) {
    return PROCESSOR_ARTIFACT.equals(c.artifactId()) && "io.github.lineprof".equals(c.groupId());
  }

  /** A path without a version takes the project's dependency's, else its managed one. */
  static String managedVersion(CompilerSettings.Coordinates c, MavenProject project)
      throws MojoExecutionException {
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
}
