package io.github.lineprof.report;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259, nothing more: no comments, no unquoted names, no trailing commas, no
 * unescaped control characters in strings) one token at a time, so a report's per-line arrays go
 * straight into its statistics. Small values may be read as a {@link JsonValue} tree. Nesting is
 * limited to {@value #NESTING_LIMIT} levels, so a hostile file cannot exhaust the stack.
 */
final class StrictJsonReader {
  static final int NESTING_LIMIT = 255;

  /** What {@link #peek} finds next. */
  enum Token {
    BEGIN_OBJECT,
    END_OBJECT,
    BEGIN_ARRAY,
    END_ARRAY,
    NAME,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    END_DOCUMENT
  }

  /**
   * Input that is not JSON, with where it went wrong: "malformed JSON at line 1 column 3"; {@link
   * #endOfInput} when the input ended where a value or a structural character was due.
   */
  static final class SyntaxException extends IOException {
    private static final long serialVersionUID = 1;

    private final boolean endOfInput;

    SyntaxException(String message, boolean endOfInput) {
      super(message);
      this.endOfInput = endOfInput;
    }

    boolean endOfInput() {
      return endOfInput;
    }
  }

  private enum Scope {
    EMPTY_DOCUMENT,
    NONEMPTY_DOCUMENT,
    EMPTY_ARRAY,
    NONEMPTY_ARRAY,
    EMPTY_OBJECT,
    DANGLING_NAME,
    NONEMPTY_OBJECT
  }

  private final Reader in;
  private final char[] buffer = new char[8192];
  private int pos;
  private int limit;

  /** Characters consumed before {@code buffer[0]}, and where the current line started. */
  private long bufferStart;

  private long lineStart;
  private int line = 1;

  private Scope[] stack = new Scope[32];
  private int depth;

  private Token peeked;

  /** The text of a peeked name, string, number or boolean. */
  private String peekedText;

  StrictJsonReader(Reader in) {
    this.in = in;
    stack[depth++] = Scope.EMPTY_DOCUMENT;
  }

  Token peek() throws IOException {
    if (peeked != null) {
      return peeked;
    }
    switch (stack[depth - 1]) {
      case EMPTY_DOCUMENT -> {
        stack[depth - 1] = Scope.NONEMPTY_DOCUMENT;
        return value();
      }
      case NONEMPTY_DOCUMENT -> {
        int c = nextNonWhitespace(false);
        if (c == -1) {
          return peeked = Token.END_DOCUMENT;
        }
        throw malformed();
      }
      case EMPTY_ARRAY -> {
        stack[depth - 1] = Scope.NONEMPTY_ARRAY;
        if (nextNonWhitespace(true) == ']') {
          return peeked = Token.END_ARRAY;
        }
        pos--;
        return value();
      }
      case NONEMPTY_ARRAY -> {
        int c = nextNonWhitespace(true);
        if (c == ']') {
          return peeked = Token.END_ARRAY;
        }
        if (c != ',') {
          throw malformed();
        }
        return value();
      }
      case EMPTY_OBJECT, NONEMPTY_OBJECT -> {
        boolean empty = stack[depth - 1] == Scope.EMPTY_OBJECT;
        int c = nextNonWhitespace(true);
        if (!empty) {
          if (c == '}') {
            return peeked = Token.END_OBJECT;
          }
          if (c != ',') {
            throw malformed();
          }
          c = nextNonWhitespace(true);
        } else if (c == '}') {
          return peeked = Token.END_OBJECT;
        }
        if (c != '"') {
          throw malformed();
        }
        stack[depth - 1] = Scope.DANGLING_NAME;
        peekedText = string();
        return peeked = Token.NAME;
      }
      case DANGLING_NAME -> {
        stack[depth - 1] = Scope.NONEMPTY_OBJECT;
        if (nextNonWhitespace(true) != ':') {
          throw malformed();
        }
        return value();
      }
    }
    throw new AssertionError(stack[depth - 1]);
  }

  boolean hasNext() throws IOException {
    Token token = peek();
    return token != Token.END_OBJECT && token != Token.END_ARRAY && token != Token.END_DOCUMENT;
  }

  void beginObject() throws IOException {
    expect(Token.BEGIN_OBJECT);
    push(Scope.EMPTY_OBJECT);
  }

  void endObject() throws IOException {
    expect(Token.END_OBJECT);
    depth--;
  }

  void beginArray() throws IOException {
    expect(Token.BEGIN_ARRAY);
    push(Scope.EMPTY_ARRAY);
  }

  void endArray() throws IOException {
    expect(Token.END_ARRAY);
    depth--;
  }

  String nextName() throws IOException {
    expect(Token.NAME);
    return peekedText;
  }

  /** A string's value, or a number's literal as it is in the file. */
  String nextString() throws IOException {
    Token token = peek();
    if (token != Token.STRING && token != Token.NUMBER) {
      throw new IllegalStateException("expected a string or a number, not " + token);
    }
    peeked = null;
    return peekedText;
  }

  /** Skips the next value, however deep, without building it. */
  void skipValue() throws IOException {
    int open = 0;
    do {
      switch (peek()) {
        case BEGIN_OBJECT -> {
          beginObject();
          open++;
        }
        case BEGIN_ARRAY -> {
          beginArray();
          open++;
        }
        case END_OBJECT -> {
          endObject();
          open--;
        }
        case END_ARRAY -> {
          endArray();
          open--;
        }
        case END_DOCUMENT -> throw new IllegalStateException("no value to skip");
        default -> peeked = null; // a name, or a scalar
      }
    } while (open > 0);
  }

  /** Reads the next value as a tree; meant for small values. */
  JsonValue nextTree() throws IOException {
    switch (peek()) {
      case BEGIN_OBJECT -> {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        beginObject();
        while (hasNext()) {
          String name = nextName();
          fields.put(name, nextTree());
        }
        endObject();
        return new JsonValue.Members(fields);
      }
      case BEGIN_ARRAY -> {
        List<JsonValue> values = new ArrayList<>();
        beginArray();
        while (hasNext()) {
          values.add(nextTree());
        }
        endArray();
        return new JsonValue.Array(values);
      }
      case STRING -> {
        return new JsonValue.Text(nextString());
      }
      case NUMBER -> {
        return new JsonValue.Numeral(nextString());
      }
      case BOOLEAN -> {
        peeked = null;
        return new JsonValue.Bool(peekedText.equals("true"));
      }
      case NULL -> {
        peeked = null;
        return new JsonValue.Null();
      }
      default -> throw new IllegalStateException("expected a value, not " + peeked);
    }
  }

  private void expect(Token token) throws IOException {
    if (peek() != token) {
      throw new IllegalStateException("expected " + token + ", not " + peeked);
    }
    peeked = null;
  }

  private void push(Scope scope) throws SyntaxException {
    if (depth > NESTING_LIMIT) {
      throw error("Nesting limit " + NESTING_LIMIT + " reached", false);
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = scope;
  }

  /** The value that starts at the next character, which is left unread when it starts none. */
  private Token value() throws IOException {
    int c = nextNonWhitespace(true);
    switch (c) {
      case '{' -> {
        return peeked = Token.BEGIN_OBJECT;
      }
      case '[' -> {
        return peeked = Token.BEGIN_ARRAY;
      }
      case '"' -> {
        peekedText = string();
        return peeked = Token.STRING;
      }
      case 't' -> {
        return keyword("true", Token.BOOLEAN);
      }
      case 'f' -> {
        return keyword("false", Token.BOOLEAN);
      }
      case 'n' -> {
        return keyword("null", Token.NULL);
      }
      default -> {
        pos--;
        if (c == '-' || (c >= '0' && c <= '9')) {
          peekedText = number();
          return peeked = Token.NUMBER;
        }
        throw malformed();
      }
    }
  }

  private Token keyword(String word, Token token) throws IOException {
    pos--;
    for (int i = 0; i < word.length(); i++) {
      if (!fill(1) || buffer[pos] != word.charAt(i)) {
        throw malformed();
      }
      pos++;
    }
    requireDelimiter();
    peekedText = word;
    return peeked = token;
  }

  /**
   * A number as RFC 8259 spells it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, its
   * literal kept whole however large.
   */
  private String number() throws IOException {
    StringBuilder literal = new StringBuilder();
    if (peekChar() == '-') {
      literal.append(take());
    }
    if (peekChar() == '0') {
      literal.append(take());
    } else if (!digits(literal)) {
      throw malformed();
    }
    if (peekChar() == '.') {
      literal.append(take());
      if (!digits(literal)) {
        throw malformed();
      }
    }
    if (peekChar() == 'e' || peekChar() == 'E') {
      literal.append(take());
      if (peekChar() == '+' || peekChar() == '-') {
        literal.append(take());
      }
      if (!digits(literal)) {
        throw malformed();
      }
    }
    requireDelimiter();
    return literal.toString();
  }

  private boolean digits(StringBuilder literal) throws IOException {
    int start = literal.length();
    while (peekChar() >= '0' && peekChar() <= '9') {
      literal.append(take());
    }
    return literal.length() > start;
  }

  /** A number or keyword ends where a structural character, whitespace or the input does. */
  private void requireDelimiter() throws IOException {
    int c = peekChar();
    switch (c) {
      case -1, ',', ']', '}', ' ', '\t', '\n', '\r' -> {}
      default -> throw malformed();
    }
  }

  /** The rest of a string whose opening quote was read. */
  private String string() throws IOException {
    StringBuilder value = null;
    while (true) {
      if (!fill(1)) {
        throw error("Unterminated string", false);
      }
      // the plain characters buffered: most strings end within them and need no builder
      int start = pos;
      while (pos < limit && buffer[pos] != '"' && buffer[pos] != '\\' && buffer[pos] >= 0x20) {
        pos++;
      }
      if (pos < limit && buffer[pos] == '"' && value == null) {
        return new String(buffer, start, pos++ - start);
      }
      if (value == null) {
        value = new StringBuilder(pos - start + 16);
      }
      value.append(buffer, start, pos - start);
      if (pos == limit) {
        continue;
      }
      char c = buffer[pos++];
      if (c == '"') {
        return value.toString();
      } else if (c == '\\') {
        value.append(escaped());
      } else {
        if (c == '\n') {
          newLine();
        }
        throw error("Unescaped control characters (\\u0000-\\u001F) are not allowed", false);
      }
    }
  }

  private char escaped() throws IOException {
    if (!fill(1)) {
      throw error("Unterminated escape sequence", false);
    }
    char c = buffer[pos++];
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (!fill(4)) {
          throw error("Unterminated escape sequence", false);
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(buffer[pos + i], 16);
          if (digit < 0) {
            throw error("Malformed Unicode escape \\u" + new String(buffer, pos, 4).strip(), false);
          }
          code = code * 16 + digit;
        }
        pos += 4;
        yield (char) code;
      }
      default -> throw error("Invalid escape sequence", false);
    };
  }

  /** The next character that is not whitespace, consumed; -1 at the end of the input. */
  private int nextNonWhitespace(boolean required) throws IOException {
    while (fill(1)) {
      char c = buffer[pos++];
      if (c == '\n') {
        newLine();
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return c;
      }
    }
    if (required) {
      throw error("End of input", true);
    }
    return -1;
  }

  private int peekChar() throws IOException {
    return fill(1) ? buffer[pos] : -1;
  }

  private char take() {
    return buffer[pos++];
  }

  private void newLine() {
    line++;
    lineStart = bufferStart + pos;
  }

  /** Whether {@code n} characters are buffered from {@code pos}, reading more if needed. */
  private boolean fill(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    bufferStart += pos;
    System.arraycopy(buffer, pos, buffer, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        return false;
      }
      limit += read;
    }
    return true;
  }

  private SyntaxException malformed() {
    return error("malformed JSON", false);
  }

  /** The column counts the characters of the line read so far, as Gson's did. */
  private SyntaxException error(String message, boolean endOfInput) {
    long column = bufferStart + pos - lineStart + 1;
    return new SyntaxException(message + " at line " + line + " column " + column, endOfInput);
  }
}
