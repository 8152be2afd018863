package io.github.lineprof.internal.run;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPipelineTest {
  private static FunctionStats function(String name, long[] hits, long[] nanos) {
    List<String> lines = java.util.Collections.nCopies(hits.length, "x();");
    return new FunctionStats(new FunctionInfo("A.java", name, 10, lines), hits, nanos);
  }

  @Test
  void skipZeroLeavesTheFunctionsThatNeverRanOutOfTheTextTables() {
    ProfileStats stats =
        new ProfileStats(
            List.of(
                function("A.ran", new long[] {2}, new long[] {1_000}),
                function("A.never", new long[] {0}, new long[] {0})));
    Profile profile = new Profile(stats, List.of());

    assertThat(RunPipeline.text(profile, ProfileOptions.defaults())).contains("A.never");
    assertThat(RunPipeline.text(profile, ProfileOptions.parse("skipZero=true")))
        .doesNotContain("A.never");
    assertThat(RunPipeline.text(profile, ProfileOptions.parse("skipZero=true"))).contains("A.ran");
  }

  @Test
  void aTableOfZerosSaysTheScenarioIsTooShort() {
    ProfileOptions options = ProfileOptions.defaults();
    Profile tooShort =
        new Profile(
            new ProfileStats(List.of(function("A.tiny", new long[] {1, 1}, new long[] {0, 0}))),
            List.of(RunInfo.current("original", Map.of())));
    Profile visible =
        new Profile(
            new ProfileStats(List.of(function("A.tiny", new long[] {1, 1}, new long[] {0, 1}))),
            List.of(RunInfo.current("original", Map.of())));

    assertThat(RunPipeline.text(RunPipeline.withTooShortNote(tooShort, options), options))
        .contains(
            "\nlineprof: unreliable: every line shows 0: the scenario is too short for a line's time to reach the unit"
                + " (1.0E-9 s); measure=N sums the time of N invocations\n");
    assertThat(RunPipeline.withTooShortNote(visible, options)).isEqualTo(visible);
    assertThat(
            RunPipeline.withTooShortNote(tooShort, options.with("unit=1e-6"))
                .runs()
                .get(0)
                .sources()
                .unreliableLines())
        .hasSize(1);
  }

  /** A recording of A.once: one invocation of 5 ms, one sample, and {@code blocking} events. */
  private static OriginalRun oneSampleOfOnce(long blocking) {
    return new OriginalRun(
        new ProfileStats(
            List.of(
                function("A.once", new long[] {0}, new long[] {5_000_000})
                    .withBytes(new long[] {0})
                    .withSamples(new long[] {1}))),
        1,
        5_000_000,
        1,
        blocking,
        1,
        java.time.Duration.ofMillis(1),
        true);
  }

  @Test
  void theTimeNoteCountsInWordsAPersonReads() {
    ProfileStats hits =
        new ProfileStats(List.of(function("A.once", new long[] {1}, new long[] {0})));
    OriginalRun once = oneSampleOfOnce(1);

    RunInfo run = RunPipeline.timedByOriginal(hits, once, 1, java.util.Map.of()).runs().get(0);

    assertThat(run.sources().hits()).isEqualTo("instrumented copy, 1 invocation");
    assertThat(run.sources().time())
        .startsWith(
            "JFR events of the original, 1 sample (period 1 ms) and 1 blocking event over 1"
                + " invocation, scaled to 1;");
    assertThat(run.sources().allocations())
        .isEqualTo(
            "JFR allocation samples of the original, 1 sample over 1 invocation, scaled to 1");
  }

  @Test
  void eachRecordingsStopIsLabelledWithItsNumber() {
    ProfileStats hits =
        new ProfileStats(List.of(function("A.once", new long[] {1}, new long[] {0})));
    List<OriginalRun> recordings = new java.util.ArrayList<>();
    for (String stop :
        List.of(
            "recorded 10.9 s: every line's share known within +-1 point (95 %)",
            "stopped at maxTime 20 s after 20.0 s: A.once line 1 known within +-1.2 points only"
                + " (target +-1 point)")) {
      recordings.add(oneSampleOfOnce(0).withStop(stop));
    }

    String time =
        RunPipeline.timedByOriginal(hits, recordings, 1, java.util.Map.of())
            .runs()
            .get(0)
            .sources()
            .time();

    assertThat(time)
        .contains(
            "; recording 1: recorded 10.9 s: every line's share known within +-1 point (95 %);"
                + " recording 2: stopped at maxTime 20 s after 20.0 s: A.once line 1 known within"
                + " +-1.2 points only (target +-1 point)");
  }

  @Test
  void sampledModeNamesTheFunctionsThatRanButGotNoSample() {
    ProfileStats stats =
        new ProfileStats(
            List.of(
                function("A.seen", new long[] {1, 1}, new long[] {0, 300_000}),
                function("A.between", new long[] {1, 5}, new long[] {0, 0}),
                function("A.never", new long[] {0, 0}, new long[] {0, 0})));

    assertThat(RunPipeline.unsampled(stats))
        .hasValue(
            "A.between ran but got no sample: shorter in all than the sampler's interval, so its"
                + " Time shows 0 for a time too short to measure (its Hits are exact; exact mode"
                + " times it)");
    assertThat(RunPipeline.unsampled(new ProfileStats(List.of(stats.functions().get(0)))))
        .isEmpty();
  }
}
