package io.github.lineprof.internal.option;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.option.Option.Launcher;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OptionTableTest {
  private static final String README_HEADER = "| option | applies to | meaning | default |";

  @Test
  void theReadmesTableOfOptionsIsTheTable() throws IOException {
    List<String> expected = OptionTable.OPTIONS.stream().map(Option::readmeRow).toList();
    assertWithMessage(
            "README.md's table of options; the table's rows:\n%s", String.join("\n", expected))
        .that(readmeRows())
        .containsExactlyElementsIn(expected)
        .inOrder();
  }

  @Test
  void theUsageTextNamesEveryOptionWithItsValues() {
    String usage = OptionTable.usage();
    assertThat(usage).startsWith("options are mode=auto|original|exact|sampled, output=DIR,");
    int last = -1;
    for (Option<?> option : OptionTable.OPTIONS) {
      int at = usage.indexOf(" " + option.name() + "=" + option.shape());
      assertWithMessage("%s in %s", option.name(), usage).that(at).isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void everyOptionHasADistinctNameADocLineAndALauncher() {
    assertThat(OptionTable.OPTIONS.stream().map(Option::name).distinct().count())
        .isEqualTo((long) OptionTable.OPTIONS.size());
    for (Option<?> option : OptionTable.OPTIONS) {
      assertWithMessage(option.name()).that(option.doc()).doesNotContain("\n");
      assertWithMessage(option.name()).that(option.doc()).isNotEmpty();
      assertWithMessage(option.name()).that(option.launchers()).isNotEmpty();
    }
  }

  @Test
  void everyOptionConstantIsInTheTable() throws IllegalAccessException {
    List<Object> constants = new ArrayList<>();
    for (Field field : OptionTable.class.getFields()) {
      if (field.getType() == Option.class) {
        constants.add(field.get(null));
      }
    }
    assertThat(constants).isNotEmpty();
    assertThat(OptionTable.OPTIONS).containsExactlyElementsIn(constants);
  }

  @Test
  void everyDefaultIsReadBackFromTheSettingsAsItWasWritten() {
    ProfileOptions defaults = ProfileOptions.defaults();
    assertThat(defaults.settings().keySet())
        .containsExactlyElementsIn(
            OptionTable.OPTIONS.stream().map(Option::name).collect(Collectors.toList()))
        .inOrder();
    for (Option<?> option : OptionTable.OPTIONS) {
      assertWithMessage(option.name())
          .that((Object) option.in(defaults))
          .isEqualTo(option.defaultValue());
    }
    assertThat(ProfileOptions.defaults().with(defaults.settings())).isEqualTo(defaults);
  }

  @Test
  void theHarnessRecordsWarmupAndMeasureAlwaysAndRunsOnlyWhenGiven() {
    assertThat(OptionTable.recorded(ProfileOptions.defaults(), Launcher.HARNESS))
        .containsExactly("warmup", "20", "measure", "1")
        .inOrder();
    assertThat(OptionTable.recorded(ProfileOptions.parse("runs=3,warmup=5"), Launcher.HARNESS))
        .containsExactly("warmup", "5", "measure", "1", "runs", "3")
        .inOrder();
    assertThat(OptionTable.recorded(ProfileOptions.parse("runs=3"), Launcher.AGENT)).isEmpty();
  }

  @Test
  void badValuesAreRefusedInOneLineNamingTheOption() {
    Map<String, String> refusals =
        Map.of(
            "warmup=-1", "warmup must be 0 or more: -1",
            "measure=0", "measure must be 1 or more: 0",
            "maxTime=0s", "maxTime must be positive: 0ms",
            "period=0ms", "period must be 1ms or more: 0ms",
            "period=1h", "period must be a duration like 1ms, 20s or 2m: '1h'",
            "fork=yes", "fork must be true or false: 'yes'",
            "mode=fast", "mode must be auto, original, exact or sampled: 'fast'",
            "formats=txt+pdf",
                "unknown format 'pdf': formats are txt, json, html, md joined by '+', or none",
            "output=", "output must name a folder",
            "unit=0", "unit must be a positive number of seconds, e.g. 1e-6: 0.0");
    refusals.forEach(
        (given, message) ->
            assertWithMessage(given)
                .that(
                    assertThrows(IllegalArgumentException.class, () -> ProfileOptions.parse(given)))
                .hasMessageThat()
                .isEqualTo(message));
    assertThat(
            assertThrows(IllegalArgumentException.class, () -> ProfileOptions.parse("colour=red")))
        .hasMessageThat()
        .isEqualTo("unknown option 'colour'; " + OptionTable.usage());
  }

  /** The rows of README.md's table of options, after its header and rule. */
  private static List<String> readmeRows() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("..", "README.md").toAbsolutePath(), StandardCharsets.UTF_8);
    int header = lines.indexOf(README_HEADER);
    assertWithMessage("README.md has a table headed %s", README_HEADER).that(header).isAtLeast(0);
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      rows.add(line);
    }
    return rows;
  }
}
