package io.github.lineprof.processor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The classes that the processor option {@code -Alineprof.include} profiles without annotations:
 * comma-separated globs over qualified class names. {@code *} matches any part of a name between
 * two dots, {@code **} any run of characters, dots included; e.g. {@code com.example.parser.*}
 * matches the top-level classes of that package, {@code com.example.**} those of it and its
 * subpackages. A class that matches has all its methods and constructors profiled, with those of
 * the classes nested in it, as if it were annotated with {@code @LineProfile}.
 */
final class ClassPatterns {
  static final ClassPatterns NONE = new ClassPatterns(Map.of());

  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_$.*]+");

  private final Map<String, Pattern> patterns;

  /** The globs that matched a class so far, so that one matching nothing can be reported. */
  private final Set<String> matched = new HashSet<>();

  private ClassPatterns(Map<String, Pattern> patterns) {
    this.patterns = patterns;
  }

  /**
   * @param option the option's value, or null if it is not set
   * @param invalid told each entry that is no glob over class names, which is then left out
   */
  static ClassPatterns parse(String option, Consumer<String> invalid) {
    if (option == null) {
      return NONE;
    }
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (String entry : option.split(",", -1)) {
      String glob = entry.strip();
      if (glob.isEmpty()) {
        continue;
      }
      if (!VALID.matcher(glob).matches()) {
        invalid.accept(glob);
        continue;
      }
      patterns.put(glob, Pattern.compile(toRegex(glob)));
    }
    return new ClassPatterns(patterns);
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  boolean matches(CharSequence qualifiedClassName) {
    boolean any = false;
    for (Map.Entry<String, Pattern> glob : patterns.entrySet()) {
      if (glob.getValue().matcher(qualifiedClassName).matches()) {
        matched.add(glob.getKey());
        any = true;
      }
    }
    return any;
  }

  /** The globs that have matched no class so far. */
  List<String> unmatched() {
    return patterns.keySet().stream().filter(glob -> !matched.contains(glob)).toList();
  }
}
