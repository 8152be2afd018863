package io.github.lineprof.processor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The classes that the processor option {@code -Alineprof.include} profiles without annotations:
 * comma-separated globs over qualified class names. {@code *} matches any part of a name between
 * two dots, {@code **} any run of characters, dots included; e.g. {@code com.example.parser.*}
 * matches the top-level classes of that package, {@code com.example.**} those of it and its
 * subpackages. A class that matches has all its methods and constructors profiled, with those of
 * the classes nested in it, as if it were annotated with {@code @LineProfile}. {@code
 * -Alineprof.exclude}, globs of the same kind, takes classes out of what the includes match (never
 * out of what {@code @LineProfile} asks for).
 */
final class ClassPatterns {
  static final ClassPatterns NONE = new ClassPatterns(Map.of(), Map.of());

  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_$.*]+");

  private final Map<String, Pattern> patterns;
  private final Map<String, Pattern> excluded;

  /** The globs that matched a class so far, so that one matching nothing can be reported. */
  private final Set<String> matched = new HashSet<>();

  private ClassPatterns(Map<String, Pattern> patterns, Map<String, Pattern> excluded) {
    this.patterns = patterns;
    this.excluded = excluded;
  }

  /**
   * @param include the include option's value, or null if it is not set
   * @param exclude the exclude option's value, or null if it is not set
   * @param invalid told each entry that is no glob over class names (true: an exclude entry), which
   *     is then left out
   */
  static ClassPatterns parse(String include, String exclude, BiConsumer<Boolean, String> invalid) {
    return include == null
        ? NONE
        : new ClassPatterns(
            globs(include, glob -> invalid.accept(false, glob)),
            globs(exclude, glob -> invalid.accept(true, glob)));
  }

  private static Map<String, Pattern> globs(String option, Consumer<String> invalid) {
    if (option == null) {
      return Map.of();
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
    return patterns;
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

  /**
   * Whether the includes take {@code type}: a glob matches it, and no exclude matches it or a class
   * it is in.
   */
  boolean matches(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      String name = t.getQualifiedName().toString();
      if (excluded.values().stream().anyMatch(glob -> glob.matcher(name).matches())) {
        return false;
      }
    }
    return matches(type.getQualifiedName());
  }

  private boolean matches(CharSequence qualifiedClassName) {
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
