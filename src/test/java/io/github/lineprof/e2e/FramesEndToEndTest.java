package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.e2e.Goldens.golden;
import static io.github.lineprof.e2e.Goldens.hitsView;
import static io.github.lineprof.e2e.Goldens.profile;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.samples.Frames;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Frames of their own through the swap: constructors (the this/super line is not counted), block
 * lambdas and methods of anonymous and local classes (frames of their own, lines of the method),
 * switch expressions; and 8 threads calling one method a million times in total lose no hit.
 */
class FramesEndToEndTest {
  @Test
  void constructorsLambdasAndLocalClasses() throws IOException {
    ProfileResult result = profile(() -> new Frames(3).lambdas());

    assertThat(result.value()).isEqualTo(new Frames(3).lambdas());
    List<FunctionProfile> constructors = functions(result, "Frames.<init>");
    assertThat(constructors).hasSize(2);
    assertThat(hitsView(constructors.get(0)) + hitsView(constructors.get(1)))
        .isEqualTo(golden("frames-constructors.hits.txt"));
    assertThat(hitsView(functions(result, "Frames.lambdas").get(0)))
        .isEqualTo(golden("frames-lambdas.hits.txt"));
  }

  @Test
  void switchExpressions() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              StringBuilder out = new StringBuilder();
              for (int k = 0; k < 5; k++) {
                out.append(Frames.switches(k));
              }
              return out.toString();
            });

    assertThat(result.value()).isEqualTo("zeroonetwo2zeroone");
    assertThat(hitsView(functions(result, "Frames.switches").get(0)))
        .isEqualTo(golden("frames-switches.hits.txt"));
  }

  @Test
  void eightThreadsCallingOneMethodAMillionTimesLoseNoHit() {
    ProfileResult result =
        profile(
            () -> {
              long[] sums = new long[8];
              Thread[] threads = new Thread[8];
              for (int t = 0; t < threads.length; t++) {
                int index = t;
                threads[t] =
                    new Thread(
                        () -> {
                          long acc = 0;
                          for (int i = 0; i < 125_000; i++) {
                            acc = Frames.work(acc, i);
                          }
                          sums[index] = acc;
                        });
                threads[t].start();
              }
              for (Thread thread : threads) {
                thread.join();
              }
              return java.util.Arrays.stream(sums).sum();
            });

    assertThat(result.value()).isEqualTo(8L * (125_000L * 124_999L / 2));
    FunctionProfile work = functions(result, "Frames.work").get(0);
    assertThat(work.line(work.firstLine() + 2).hits()).isEqualTo(1_000_000L);
    assertThat(work.line(work.firstLine() + 3).hits()).isEqualTo(1_000_000L);
    assertThat(work.totalHits()).isEqualTo(2_000_000L);
  }

  private static List<FunctionProfile> functions(ProfileResult result, String name) {
    List<FunctionProfile> found =
        result.functions().stream()
            .filter(f -> f.name().equals(name))
            .sorted(java.util.Comparator.comparingInt(FunctionProfile::firstLine))
            .collect(Collectors.toList());
    assertThat(found).isNotEmpty();
    return found;
  }
}
