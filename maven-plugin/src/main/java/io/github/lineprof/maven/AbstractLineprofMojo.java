package io.github.lineprof.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Every lineprof goal: {@code lineprof.skip} skips them all, here and nowhere else. */
abstract class AbstractLineprofMojo extends AbstractMojo {
  /** Skips every lineprof goal ({@code -Dlineprof.skip}). */
  @Parameter(property = "lineprof.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("lineprof: skipped");
      skipped();
      return;
    }
    run();
  }

  /** The goal's work, when not skipped. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /** What a skipped goal still owes the rest of the build; nothing by default. */
  void skipped() {}
}
