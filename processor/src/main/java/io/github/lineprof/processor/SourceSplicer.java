package io.github.lineprof.processor;

import java.util.Comparator;
import java.util.List;

/**
 * Applies insertions to a source text; text at equal positions keeps the order it was planned in.
 */
final class SourceSplicer {
  private SourceSplicer() {}

  static String splice(CharSequence source, List<Insertion> insertions) {
    List<Insertion> ordered =
        insertions.stream().sorted(Comparator.comparingLong(Insertion::position)).toList();
    StringBuilder out = new StringBuilder(source.length() + 64 * ordered.size());
    int copied = 0;
    for (Insertion insertion : ordered) {
      int at = Math.toIntExact(insertion.position());
      out.append(source, copied, at).append(insertion.text());
      copied = at;
    }
    return out.append(source, copied, source.length()).toString();
  }
}
