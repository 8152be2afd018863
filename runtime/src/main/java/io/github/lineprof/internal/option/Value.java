package io.github.lineprof.internal.option;

/**
 * How an option's value is read from its text, checked, and written back: {@code read(write(v))}
 * gives {@code v} back, so a run's settings can be handed to a fork as text.
 *
 * @param <T> the value's type
 */
interface Value<T> {
  /**
   * The value {@code text} stands for.
   *
   * @param name the option's name, for the message
   * @throws IllegalArgumentException in one line, naming the option, when {@code text} is not a
   *     valid value
   */
  T read(String name, String text);

  /** The text {@link #read} reads back as {@code value}. */
  String write(T value);
}
