package io.github.lineprof.report.stats;

import static com.google.common.truth.Truth.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunInfoTest {
  private static List<String> kept(String... args) {
    return new RunInfo.Jvm("v", "17", "vm", "17+1", List.of(args)).args();
  }

  @Test
  void jvmOptionsThatCanHoldSecretsOrPathsKeepOnlyTheirNames() {
    assertThat(
            kept(
                "-XX:OnOutOfMemoryError=curl -H 'Authorization: Bearer abc' https://x",
                "-XX:OnError=gdb - %p",
                "-XX:HeapDumpPath=dumps",
                "-XX:ErrorFile=hs_err.log",
                "-Xlog:gc*:file=/home/alice/gc.log",
                "-XX:StartFlightRecording=duration=30s,filename=rec.jfr",
                "-XX:StartFlightRecording:filename=rec.jfr",
                "-Xbootclasspath/a:/home/alice/lib.jar",
                "-XX:CompileCommand=exclude,java/lang/String.indexOf",
                "-Xloggc:gc.log"))
        .containsExactly(
            "-XX:OnOutOfMemoryError",
            "-XX:OnError",
            "-XX:HeapDumpPath",
            "-XX:ErrorFile",
            "-Xlog",
            "-XX:StartFlightRecording",
            "-XX:StartFlightRecording",
            "-Xbootclasspath/a",
            "-XX:CompileCommand",
            "-Xloggc")
        .inOrder();
  }

  @Test
  void performanceOptionsAreKeptAsTheyAre() {
    List<String> options =
        List.of(
            "-Xmx512m",
            "-Xss1m",
            "-XX:+UseG1GC",
            "-XX:MaxRAMPercentage=75.0",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:-TieredCompilation",
            "-XX:MaxInlineLevel=15",
            "-XX:ReservedCodeCacheSize=240M",
            "-XX:UseAVX=-1",
            "-Xint",
            "-Xverify:none",
            "-XX:ShenandoahGCMode=passive",
            "-XX:CompilationMode=high-only",
            "-XX:ZCollectionInterval=0.5",
            "-XX:UseCompressedOops=true");
    assertThat(kept(options.toArray(String[]::new))).isEqualTo(options);
  }

  @Test
  void aFreeFormValueKeepsOnlyItsName() {
    assertThat(
            kept(
                "-XX:AbortVMOnExceptionMessage=secret3",
                "-XX:CompileOnly=Secret::method",
                "-XX:ShenandoahGCMode=secret3",
                "-Xshare:secret3",
                "-XX:MaxInlineLevel=15secret",
                "-Xmxsecret3",
                "-XX:ActiveProcessorCount=0x10"))
        .containsExactly(
            "-XX:AbortVMOnExceptionMessage",
            "-XX:CompileOnly",
            "-XX:ShenandoahGCMode",
            "-Xshare",
            "-XX:MaxInlineLevel",
            "-Xmx",
            "-XX:ActiveProcessorCount")
        .inOrder();
  }

  @Test
  void eachCurrentRunHasItsOwnId() {
    assertThat(RunInfo.current("exact", Map.of()).id())
        .isNotEqualTo(RunInfo.current("exact", Map.of()).id());
    assertThat(
            new RunInfo(
                    Instant.EPOCH,
                    "exact",
                    Map.of(),
                    new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
                    new RunInfo.Machine("Linux", "6", "amd64", 1))
                .id())
        .isNull();
  }

  @Test
  void sourcesAreSetWithoutChangingTheRest() {
    RunInfo run = RunInfo.current("hybrid", Map.of("warmup", "1"));

    RunInfo described =
        run.withSources("instrumented copy, 21 invocations", "JFR samples of the original")
            .withUnreliableLines(List.of("A.java:3"))
            .withAllocationSource("JFR allocation samples of the original, 12 samples")
            .withProbeNanos(2.5);

    assertThat(described.sources())
        .isEqualTo(
            new RunInfo.Sources(
                "instrumented copy, 21 invocations",
                "JFR samples of the original",
                "JFR allocation samples of the original, 12 samples",
                List.of("A.java:3"),
                2.5));
    assertThat(described.id()).isEqualTo(run.id());
    assertThat(described.settings()).isEqualTo(run.settings());
    assertThat(run.sources().isEmpty()).isTrue();
  }
}
