package io.github.lineprof.internal.option;

import io.github.lineprof.report.OutputUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The kinds of option values, each read and checked with a one-line message naming the option. */
final class Values {
  private Values() {}

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  /** A number; {@code rule} says which, after "must be", when {@code valid} refuses it. */
  static Value<Double> number(DoublePredicate valid, String rule) {
    return new Value<>() {
      @Override
      public Double read(String name, String text) {
        double n;
        try {
          n = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " must be a number: '" + text + "'");
        }
        require(valid.test(n), name, rule, n);
        return n;
      }

      @Override
      public String write(Double value) {
        return Double.toString(value);
      }
    };
  }

  /** Seconds per unit of the Time columns, checked as every unit is. */
  static Value<Double> unit() {
    Value<Double> number = number(n -> true, "");
    return new Value<>() {
      @Override
      public Double read(String name, String text) {
        return OutputUnit.check(name, number.read(name, text));
      }

      @Override
      public String write(Double value) {
        return number.write(value);
      }
    };
  }

  /** A whole number; {@code rule} says which, after "must be", when {@code valid} refuses it. */
  static Value<Integer> wholeNumber(IntPredicate valid, String rule) {
    return new Value<>() {
      @Override
      public Integer read(String name, String text) {
        int n;
        try {
          n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(name + " must be a whole number: '" + text + "'");
        }
        require(valid.test(n), name, rule, n);
        return n;
      }

      @Override
      public String write(Integer value) {
        return Integer.toString(value);
      }
    };
  }

  /** {@code true} or {@code false}, nothing else (not Boolean.parseBoolean's "anything else"). */
  static Value<Boolean> bool() {
    return new Value<>() {
      @Override
      public Boolean read(String name, String text) {
        return switch (text) {
          case "true" -> true;
          case "false" -> false;
          default ->
              throw new IllegalArgumentException(name + " must be true or false: '" + text + "'");
        };
      }

      @Override
      public String write(Boolean value) {
        return Boolean.toString(value);
      }
    };
  }

  /** {@code 1ms}, {@code 250ms}, {@code 20s}, {@code 2m}, at least {@code min}. */
  static Value<Duration> duration(Duration min, String rule) {
    return new Value<>() {
      @Override
      public Duration read(String name, String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
          throw new IllegalArgumentException(
              name + " must be a duration like 1ms, 20s or 2m: '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              default -> Duration.ofMinutes(n);
            };
        require(d.compareTo(min) >= 0, name, rule, write(d));
        return d;
      }

      @Override
      public String write(Duration value) {
        return value.toMillis() + "ms";
      }
    };
  }

  /** One of {@code type}'s constants, by its name in lower case. */
  static <E extends Enum<E>> Value<E> choice(Class<E> type) {
    return new Value<>() {
      @Override
      public E read(String name, String text) {
        try {
          return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              name + " must be " + names(type, ", ", " or ") + ": '" + text + "'");
        }
      }

      @Override
      public String write(E value) {
        return value.name().toLowerCase(Locale.ROOT);
      }
    };
  }

  /** Some of {@code type}'s constants joined by {@code +}, or {@code none}. */
  static <E extends Enum<E>> Value<Set<E>> someOf(Class<E> type) {
    return new Value<>() {
      @Override
      public Set<E> read(String name, String text) {
        Set<E> chosen = EnumSet.noneOf(type);
        if (text.equals("none")) {
          return chosen;
        }
        for (String one : text.split("\\+", 0)) {
          try {
            chosen.add(Enum.valueOf(type, one.trim().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "unknown "
                    + name.replaceFirst("s$", "")
                    + " '"
                    + one
                    + "': "
                    + name
                    + " are "
                    + names(type, ", ", ", ")
                    + " joined by '+', or none");
          }
        }
        return chosen;
      }

      @Override
      public String write(Set<E> value) {
        return value.isEmpty()
            ? "none"
            : value.stream()
                .sorted()
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("+"));
      }
    };
  }

  /** A folder's path, not empty. */
  static Value<Path> folder() {
    return new Value<>() {
      @Override
      public Path read(String name, String text) {
        if (text.isEmpty()) {
          throw new IllegalArgumentException(name + " must name a folder");
        }
        return Path.of(text);
      }

      @Override
      public String write(Path value) {
        return value.toString();
      }
    };
  }

  private static <E extends Enum<E>> String names(Class<E> type, String between, String last) {
    String[] names =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    return names.length == 1
        ? names[0]
        : String.join(between, Arrays.copyOf(names, names.length - 1))
            + last
            + names[names.length - 1];
  }

  private static void require(boolean valid, String name, String rule, Object value) {
    if (!valid) {
      throw new IllegalArgumentException(name + " must be " + rule + ": " + value);
    }
  }
}
