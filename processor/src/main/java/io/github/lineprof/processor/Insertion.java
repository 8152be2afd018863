package io.github.lineprof.processor;

/** Text to insert into the source at a character position; it never holds a line break. */
record Insertion(long position, String text) {
  Insertion {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an insertion must not change line numbers: " + text);
    }
  }
}
