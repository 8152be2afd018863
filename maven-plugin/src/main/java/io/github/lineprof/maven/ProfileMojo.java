package io.github.lineprof.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn lineprof:profile -Dlineprof.main=com.example.Main}: runs the build up to {@code
 * process-classes} (compile and instrument), then the main, as {@code profile-no-fork} does. In a
 * POM, bind {@code profile-no-fork} instead: a forked build in the middle of a lifecycle compiles
 * again and resets the module's artifact.
 */
@Mojo(name = "profile", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class ProfileMojo extends ProfileNoForkMojo {}
