package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.internal.swap.Layout;
import io.github.lineprof.probe.FunctionProbe;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.samples.IsolatedMain;
import io.github.lineprof.samples.IsolatingMain;
import io.github.lineprof.samples.Loops;
import io.github.lineprof.samples.LoopsMain;
import io.github.lineprof.samples.ShutdownHookMain;
import io.github.lineprof.samples.ThreadsMain;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent where programs get hard: many threads, isolated class loaders, another agent, stale
 * copies, bad options. The program always runs as it would without lineprof.
 */
class FaultsEndToEndIT {
  private static final String LOOPS = "io/github/lineprof/samples/Loops.class";
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static String agent() throws Exception {
    return Path.of(FunctionProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  /** The test's class path without the JaCoCo agent, which only runs as an agent. */
  private static String classpath() {
    return String.join(
        File.pathSeparator,
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("org.jacoco.agent"))
            .toList());
  }

  private static String jacoco() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("org.jacoco.agent"))
        .findFirst()
        .orElseThrow();
  }

  private Run java(List<String> jvmOptions, String classpath, Class<?> main, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return process.getErrorStream().readAllBytes();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out, new String(err.get(), StandardCharsets.UTF_8));
  }

  private String lineprof(String options) throws Exception {
    return "-javaagent:"
        + agent()
        + "=output="
        + dir.resolve("out")
        + ",formats=json,mode=exact"
        + options;
  }

  private RunInfo runInfo() throws Exception {
    return JsonReportReader.read(Files.readString(dir.resolve("out/report.json"))).runs().get(0);
  }

  private FunctionStats loops() throws Exception {
    return JsonReportReader.read(Files.readString(dir.resolve("out/report.json")))
        .stats()
        .functions()
        .stream()
        .filter(f -> f.info().name().equals("Loops.loops"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shortLivedThreadsLoseNoHitAndTheReportStatesTheHeap() throws Exception {
    int threads = Runtime.version().feature() >= 21 ? 100_000 : 10_000;
    Run run =
        java(
            List.of("-Xmx64m", lineprof("")),
            classpath(),
            ThreadsMain.class,
            String.valueOf(threads));

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(threads + " threads\n");
    assertThat(loops().totalHits()).isEqualTo(69L * threads); // 69 per call: golden/loops.hits.txt
    assertThat(runInfo().settings().get("heap")).matches("\\d counter arrays?, [0-9.]+ MB");
  }

  @Test
  void anIsolatedLoaderRunsItsOriginalAndTheReportSaysWhy() throws Exception {
    Run plain = java(List.of(), classpath(), IsolatedMain.class);
    Run profiled = java(List.of(lineprof("")), classpath(), IsolatedMain.class);

    assertThat(plain.out()).isEqualTo("isolated 27\napplication 27\n");
    assertThat(profiled.exitCode()).isEqualTo(0);
    assertThat(profiled.out()).isEqualTo(plain.out());
    assertThat(runInfo().settings().get("skipped"))
        .isEqualTo(
            "1 class loaded by a class loader that cannot see"
                + " lineprof's probes: io.github.lineprof.samples.Loops (loader 'isolated' java.net.URLClassLoader)");
    assertThat(loops().totalHits()).isEqualTo(69); // the application loader's copy is profiled
  }

  /**
   * JaCoCo's report reads the original classes: whatever the agents' order, JaCoCo records the
   * originals.
   */
  private void assertJacocoKeptTheOriginals(Run run, Path exec) throws Exception {
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("27\n");
    assertThat(new String(Files.readAllBytes(exec), StandardCharsets.ISO_8859_1))
        .contains("io/github/lineprof/samples/Loops");
    assertThat(run.err())
        .contains(
            "lineprof: JaCoCo's agent runs in this JVM: io.github.lineprof.samples.Loops and every other"
                + " class with an instrumented copy run their original, so that JaCoCo's coverage matches the classes its report reads.");
    assertThat(runInfo().settings().get("skipped"))
        .isEqualTo(
            "1 class left to JaCoCo's agent, so that its coverage data"
                + " matches the classes its report reads: run without JaCoCo to profile these classes: io.github.lineprof.samples.Loops");
    assertThat(run.err())
        .contains(
            "lineprof: nothing was profiled: every class with an instrumented copy ran its original");
  }

  @Test
  void aLoaderThatDefinesTheClassButNotItsLineTableRunsItsOriginalAndTheReportSaysWhy()
      throws Exception {
    Run plain = java(List.of(), classpath(), IsolatingMain.class);
    Run profiled = java(List.of(lineprof("")), classpath(), IsolatingMain.class);

    assertThat(plain.out()).isEqualTo("isolating 27\napplication 27\n");
    assertThat(profiled.exitCode()).isEqualTo(0);
    assertThat(profiled.out()).isEqualTo(plain.out());
    assertThat(profiled.err())
        .containsMatch(
            "lineprof: io.github.lineprof.samples.Loops \\(and any other class its"
                + " loader defines apart from its package\\) runs its original: its class loader 'isolating' [^ ]+ takes"
                + " io.github.lineprof.samples.LineProf_Loops\\S* from another loader");
    assertThat(runInfo().settings().get("skipped"))
        .startsWith(
            "1 class defined by a class loader that leaves the"
                + " rest of its package to another loader, so its copy could not reach its line table:"
                + " io.github.lineprof.samples.Loops (loader 'isolating' ");
    assertThat(loops().totalHits()).isEqualTo(69); // the application loader's copy is profiled
  }

  @Test
  void anAgentAttachedTwiceSaysSoAndCountsOnce() throws Exception {
    Run run = java(List.of(lineprof(""), lineprof("")), classpath(), LoopsMain.class);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("27\n");
    assertThat(run.err())
        .contains(
            "lineprof agent: attached twice (-javaagent:lineprof-runtime.jar is given twice);"
                + " the first one profiles, this one and its options");
    assertThat(run.err()).doesNotContain("before lineprof");
    assertThat(loops().totalHits()).isEqualTo(69);
  }

  @Test
  void hitsMadeInTheProgramsShutdownHookAreCounted() throws Exception {
    Run run = java(List.of(lineprof("")), classpath(), ShutdownHookMain.class);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("hook 27\n");
    assertThat(loops().totalHits()).isEqualTo(69);
  }

  @Test
  void lineprofBeforeJacocoStepsAsideSoJacocoRecordsTheOriginal() throws Exception {
    Path exec = dir.resolve("jacoco.exec");
    Run run =
        java(
            List.of(lineprof(""), "-javaagent:" + jacoco() + "=destfile=" + exec),
            classpath(),
            LoopsMain.class);

    assertJacocoKeptTheOriginals(run, exec);
  }

  @Test
  void jacocoBeforeLineprofKeepsItsCoverageAndLineprofSaysWhy() throws Exception {
    Path exec = dir.resolve("jacoco.exec");
    Run run =
        java(
            List.of("-javaagent:" + jacoco() + "=destfile=" + exec, lineprof("")),
            classpath(),
            LoopsMain.class);

    assertJacocoKeptTheOriginals(run, exec);
  }

  /** A class path whose first entry holds only a fingerprint for Loops' copy. */
  private String withFingerprint(String sha256) throws Exception {
    Path fingerprints = dir.resolve("fingerprints");
    Path file = fingerprints.resolve(Layout.COPY_CLASSES + LOOPS + Layout.FINGERPRINT_SUFFIX);
    Files.createDirectories(file.getParent());
    Files.writeString(file, sha256 + "\n");
    return fingerprints + File.pathSeparator + classpath();
  }

  @Test
  void aStaleCopyIsNeverSwappedIn() throws Exception {
    Run run = java(List.of(lineprof("")), withFingerprint("0".repeat(64)), LoopsMain.class);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("27\n");
    assertThat(run.err())
        .contains(
            "lineprof: io.github.lineprof.samples.Loops changed since its instrumented copy"
                + " was built; running the original. Rebuild with mvn process-classes\n");
    assertThat(runInfo().settings().get("skipped"))
        .isEqualTo(
            "1 class changed since its instrumented copy was"
                + " built: rebuild with mvn process-classes: io.github.lineprof.samples.Loops");
    assertThat(run.err())
        .contains(
            "lineprof: nothing was profiled: every class with an instrumented copy ran its"
                + " original: 1 class changed since");
  }

  @Test
  void aCopyBuiltFromThisOriginalIsSwappedIn() throws Exception {
    byte[] original = Loops.class.getClassLoader().getResourceAsStream(LOOPS).readAllBytes();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
    Run run = java(List.of(lineprof("")), withFingerprint(sha256), LoopsMain.class);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(loops().totalHits()).isEqualTo(69);
    assertThat(run.err()).doesNotContain("nothing was profiled");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "unit=Infinity",
        "unit=NaN",
        "output=FILE",
        "output=FILE/reports",
        "mode=original",
        "mode=exact,mode=sampled"
      })
  void badOptionsStopTheProgramBeforeItRuns(String option) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Run run =
        java(
            List.of("-javaagent:" + agent() + "=" + option.replace("FILE", file.toString())),
            classpath(),
            LoopsMain.class);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().count()).isEqualTo(1);
    assertThat(run.err()).startsWith("lineprof agent: ");
  }

  @Test
  void theAgentSaysWhenNothingWasProfiled() throws Exception {
    Run run =
        java(
            List.of("-javaagent:" + agent() + "=formats=none"),
            classpath(),
            IsolatedMain.class,
            "x");

    assertThat(run.err()).doesNotContain("nothing was profiled");
    Run none =
        java(
            List.of("-javaagent:" + agent() + "=formats=none"),
            classpath(),
            FaultsEndToEndIT.Idle.class);
    assertThat(none.err())
        .isEqualTo(
            "lineprof: nothing was profiled: no class that ran has an instrumented copy."
                + " Build with lineprof's processor and second compile, so META-INF/lineprof/classes/ is on the class path,"
                + " and check that the methods carry @LineProfile\n");
  }

  /** A program that runs no profiled code. */
  public static final class Idle {
    public static void main(String[] args) {}
  }
}
