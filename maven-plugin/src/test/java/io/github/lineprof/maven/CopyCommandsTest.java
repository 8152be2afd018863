package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyCommandsTest {
  private static final Path OUT = Path.of("/w/out");
  private static final Path TABLES = Path.of("/w/tables");

  private static CompilerSettings settings(
      List<String> args, String debug, boolean parameters, String proc, List<String> processors) {
    return new CompilerSettings(
        "17",
        null,
        null,
        "UTF-8",
        args,
        parameters,
        false,
        debug,
        proc,
        processors,
        List.of(),
        "/p/target/generated-sources/annotations");
  }

  private static CompilerSettings plain(List<String> args) {
    return settings(args, null, false, null, List.of());
  }

  @Test
  void lineprofsProcessorRunsAloneWithTheModulesOtherProcessorOptions() {
    CopyCommands commands =
        new CopyCommands(plain(List.of("-Akey=v", "-Xlint:all", "-Alineprof.include=a.*")), "/cp");
    List<String> include = commands.includes(List.of("b.**"));

    assertThat(include).containsExactly("b.**", "a.*").inOrder();
    assertThat(commands.processorPass("/lineprof.jar", OUT, TABLES, include, List.of("b.gen.*")))
        .containsExactly(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-proc:only",
            "-processor",
            CopyCommands.PROCESSOR,
            "-processorpath",
            "/lineprof.jar",
            "-classpath",
            "/cp",
            "-d",
            "/w/out",
            "-s",
            "/w/tables",
            "-Akey=v",
            "-Alineprof.include=b.**,a.*",
            "-Alineprof.exclude=b.gen.*")
        .inOrder();
  }

  @Test
  void withoutIncludesOrExcludesNoneIsPassed() {
    CopyCommands commands = new CopyCommands(plain(List.of()), "/cp");

    assertThat(
            String.join(
                " ",
                commands.processorPass(
                    "/l.jar", OUT, TABLES, commands.includes(List.of()), List.of())))
        .doesNotContain("-Alineprof");
  }

  @Test
  void theLineTablesCompileAloneWithoutProcessors() {
    assertThat(new CopyCommands(plain(List.of("-Xlint:all")), "/cp").lineTables(TABLES, OUT))
        .containsExactly(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-proc:none",
            "-implicit:none",
            "-sourcepath",
            "/w/tables",
            "-classpath",
            "/cp",
            "-d",
            "/w/out")
        .inOrder();
  }

  @Test
  void theCopiesCompileAsTheModuleDoesWithoutLineprofsOptions() {
    CopyCommands commands =
        new CopyCommands(
            settings(
                List.of("-Xlint:all", "-Alineprof.include=a.*", "-Akey=v"),
                "lines,vars",
                true,
                "full",
                List.of("lombok.launch.AnnotationProcessorHider$AnnotationProcessor", "p.Q")),
            "/cp");

    assertThat(
            commands.copies(
                List.of("/lombok.jar", "/q.jar"), Path.of("/w/src"), OUT, Path.of("/w/generated")))
        .containsExactly(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-g:lines,vars",
            "-parameters",
            "-proc:full",
            "-processor",
            "lombok.launch.AnnotationProcessorHider$AnnotationProcessor,p.Q",
            "-processorpath",
            "/lombok.jar" + File.pathSeparator + "/q.jar",
            "-sourcepath",
            "/w/src",
            "-classpath",
            "/cp",
            "-d",
            "/w/out",
            "-s",
            "/w/generated",
            "-Xlint:all",
            "-Akey=v")
        .inOrder();
  }

  @Test
  void anEmptyDebugLevelIsAllDebugInformationAndNoProcessorPathIsPassedWhenThereIsNone() {
    List<String> args =
        new CopyCommands(settings(List.of(), "", false, null, List.of()), "/cp")
            .copies(List.of(), Path.of("/w/src"), OUT, Path.of("/w/generated"));

    assertThat(args).contains("-g");
    assertThat(args).containsNoneOf("-processorpath", "-processor", "-parameters");
  }
}
