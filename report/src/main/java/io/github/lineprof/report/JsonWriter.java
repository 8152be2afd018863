package io.github.lineprof.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Pretty-printed JSON, two spaces per level, written as it goes: the runtime needs no JSON library
 * for its one JSON file. The layout is Gson's pretty printing, so reports did not change when the
 * runtime dropped Gson.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  /** Per open container: whether it has no element yet. */
  private final Deque<Boolean> empty = new ArrayDeque<>();

  private boolean afterName;

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    newElement();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String value) {
    beforeValue();
    string(value);
    return this;
  }

  JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  JsonWriter value(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    beforeValue();
    out.append(value);
    return this;
  }

  /** A {@code name} and a string value, or nothing when {@code value} is null. */
  JsonWriter optional(String name, String value) {
    return value == null ? this : name(name).value(value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter open(char bracket) {
    beforeValue();
    out.append(bracket);
    empty.push(true);
    return this;
  }

  private JsonWriter close(char bracket) {
    if (!empty.pop()) {
      newline();
    }
    out.append(bracket);
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (!empty.isEmpty()) {
      newElement();
    }
  }

  private void newElement() {
    if (!empty.pop()) {
      out.append(',');
    }
    empty.push(false);
    newline();
  }

  private void newline() {
    out.append('\n').append("  ".repeat(empty.size()));
  }

  private void string(String value) {
    out.append('"');
    escape(value, out);
    out.append('"');
  }

  /**
   * The inside of a quoted string: quote, backslash and control characters escaped as JSON
   * requires, and U+2028 and U+2029, which end a line in JavaScript, so the file can be pasted into
   * a script.
   */
  static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
