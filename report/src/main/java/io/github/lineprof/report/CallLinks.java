package io.github.lineprof.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which profiled function a call in a source line goes to, by the method's simple name: {@code
 * step(} links to the table of {@code Simulation.step}. A heuristic on the line's text (the report
 * has no parse tree): a name shared by several profiled methods links to the one in the caller's
 * class, or nowhere if none is; a function never links to itself (its own declaration, or a
 * recursive call).
 */
final class CallLinks {
  /**
   * An identifier followed by an opening parenthesis: a call, or a declaration, in a source line.
   */
  private static final Pattern CALL =
      Pattern.compile(
          "(?<![\\p{javaJavaIdentifierPart}])(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\(");

  /**
   * A piece of a source line: plain text ({@code target} -1), or the name of a call that links to
   * function {@code target}'s table.
   */
  record Span(String text, int target) {
    boolean linked() {
      return target >= 0;
    }
  }

  private final List<String> names;
  private final Map<String, List<Integer>> byMethod = new HashMap<>();

  /** The profiled functions' names, e.g. {@code Simulation.step}, by their index on the page. */
  CallLinks(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      byMethod.computeIfAbsent(method(names.get(i)), k -> new ArrayList<>()).add(i);
    }
  }

  /** The line of function {@code caller} cut into text and linked calls, in order. */
  List<Span> spans(String source, int caller) {
    List<Span> spans = new ArrayList<>();
    Matcher call = CALL.matcher(source);
    int done = 0;
    while (call.find()) {
      int target = target(call.group(1), caller);
      if (target >= 0) {
        if (call.start(1) > done) {
          spans.add(new Span(source.substring(done, call.start(1)), -1));
        }
        spans.add(new Span(call.group(1), target));
        done = call.end(1);
      }
    }
    if (done < source.length() || spans.isEmpty()) {
      spans.add(new Span(source.substring(done), -1));
    }
    return spans;
  }

  /** The index of the function called, or -1 for none or more than one candidate. */
  private int target(String method, int caller) {
    List<Integer> candidates =
        byMethod.getOrDefault(method, List.of()).stream().filter(i -> i != caller).toList();
    if (candidates.size() > 1) {
      String callerClass = owner(names.get(caller));
      candidates =
          candidates.stream().filter(i -> owner(names.get(i)).equals(callerClass)).toList();
    }
    return candidates.size() == 1 ? candidates.get(0) : -1;
  }

  /** {@code step} of {@code Simulation.step}. */
  private static String method(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** {@code Simulation} of {@code Simulation.step}. */
  private static String owner(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }
}
