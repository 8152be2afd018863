package io.github.lineprof.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small JSON value read as a tree (a run, a function's scalar fields, one line's spread): the
 * per-line arrays of a report are streamed instead. {@code toString()} is the value as compact
 * JSON, for error messages that show what was found.
 */
sealed interface JsonValue {
  /** A string. */
  record Text(String value) implements JsonValue {
    @Override
    public String toString() {
      return quoted(value);
    }
  }

  /** A number, kept as its literal so that nothing is rounded before the reader checks it. */
  record Numeral(String literal) implements JsonValue {
    @Override
    public String toString() {
      return literal;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements JsonValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** {@code null}. */
  record Null() implements JsonValue {
    @Override
    public String toString() {
      return "null";
    }
  }

  /** An array. */
  record Array(List<JsonValue> values) implements JsonValue {
    @Override
    public String toString() {
      return values.stream().map(JsonValue::toString).collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** An object, its fields in the order of the file; a repeated name keeps its last value. */
  record Members(Map<String, JsonValue> fields) implements JsonValue {
    @Override
    public String toString() {
      return fields.entrySet().stream()
          .map(e -> quoted(e.getKey()) + ":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    JsonWriter.escape(text, out);
    return out.append('"').toString();
  }
}
