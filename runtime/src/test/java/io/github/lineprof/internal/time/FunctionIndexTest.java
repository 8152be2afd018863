package io.github.lineprof.internal.time;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.FunctionInfo;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionIndexTest {
  private static FunctionInfo function(String file, String name, int firstLine, int lines) {
    return new FunctionInfo(file, name, firstLine, Collections.nCopies(lines, ""));
  }

  @Test
  void aFunctionBelongsToItsTopLevelClass() {
    assertThat(FunctionIndex.topLevelClass(function("io/github/App.java", "App.run", 1, 1)))
        .isEqualTo("io.github.App");
    assertThat(FunctionIndex.topLevelClass(function("io/github/App.java", "App.Inner.run", 1, 1)))
        .isEqualTo("io.github.App");
    assertThat(FunctionIndex.topLevelClass(function("App.java", "App.<init>", 1, 1)))
        .isEqualTo("App");
  }

  @Test
  void framesOfNestedClassesFindTheFunctionsHoldingTheirLine() {
    FunctionInfo method = function("io/github/App.java", "App.method", 10, 11);
    FunctionInfo local = function("io/github/App.java", "App.method.Local.run", 14, 3);
    FunctionInfo other = function("io/github/App.java", "App.other", 30, 5);
    FunctionIndex index = new FunctionIndex(List.of(method, local, other));

    assertThat(names(index.functionsAt("io.github.App", 12))).containsExactly("App.method");
    assertThat(names(index.functionsAt("io.github.App$1Local", 15)))
        .containsExactly("App.method", "App.method.Local.run");
    assertThat(names(index.functionsAt("io.github.App", 25))).isEmpty();
    assertThat(names(index.functionsAt("io.github.App", 31))).containsExactly("App.other");
    assertThat(names(index.functionsAt("io.github.Apple", 12))).isEmpty();
  }

  private static List<String> names(FunctionTally[] tallies) {
    return Arrays.stream(tallies).map(t -> t.function.name()).toList();
  }
}
