package corpus;

import io.github.lineprof.LineProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Classes profiled as a whole: constructors (this/super first), records, enums with constant bodies,
 * interfaces with default/static/private methods, nested and inner classes, generics, varargs.
 */
@LineProfile
public class CorpusClasses {
  private final List<Object> trace;
  private final int id;
  private static int created;

  public CorpusClasses(List<Object> trace) {
    this(trace, ++created);
    trace.add("one-arg");
  }

  CorpusClasses(List<Object> trace, int id) {
    super();
    this.trace = trace;
    if (id < 0) {
      throw new IllegalArgumentException("id " + id);
    }
    this.id = id;
  }

  CorpusClasses(int id, List<Object> trace) { this(trace, id); trace.add("same line"); }

  static class Base {
    final String name;

    Base(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    String describe() {
      return "base " + name;
    }
  }

  static class Derived extends Base {
    final int n;

    Derived(int n) {
      super(switch (n) {
        case 0 -> "zero";
        default -> {
          String s = "n" + n;
          yield s;
        }
      });
      this.n = n;
    }

    Derived(String name) {
      super(name);
      n = -1;
    }

    @Override
    String describe() {
      return "derived " + super.describe() + " " + n;
    }
  }

  class Inner extends Base {
    Inner(String name) {
      super(name + id);
      trace.add("inner");
    }
  }

  class InnerChild extends Inner {
    InnerChild(CorpusClasses outer) {
      outer.super("child");
    }
  }

  record Range(int low, int high) {
    static final Range EMPTY = new Range(0, 0);

    Range {
      if (low > high) {
        throw new IllegalArgumentException(low + " > " + high);
      }
    }

    Range(int single) {
      this(single, single);
    }

    int length() {
      return high - low;
    }
  }

  record Named(String name, List<String> tags) {
    Named(String name, List<String> tags) {
      this.name = name.strip();
      this.tags = List.copyOf(tags);
    }
  }

  enum Op {
    ADD("+") {
      @Override
      int apply(int a, int b) {
        return a + b;
      }
    },
    DIV("/") {
      @Override
      int apply(int a, int b) {
        int q = a / b;
        return q;
      }
    },
    NEG;

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    Op() {
      this("-");
    }

    int apply(int a, int b) {
      return -a;
    }
  }

  interface Shape {
    double area();

    default double doubled() {
      double a = area();
      return twice(a);
    }

    private double twice(double a) {
      return 2 * a;
    }

    static Shape square(double side) {
      return () -> side * side;
    }
  }

  abstract static class Animal {
    abstract String sound();

    final String speak(int times) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < times; i++) {
        out.append(sound());
      }
      return out.toString();
    }
  }

  static final class Dog extends Animal {
    @Override
    String sound() {
      return "woof";
    }
  }

  static <T extends Comparable<? super T>> T max(Collection<? extends T> xs) {
    T best = null;
    for (T x : xs) {
      if (best == null || x.compareTo(best) > 0) {
        best = x;
      }
    }
    return best;
  }

  @SafeVarargs
  static <T> List<T> listOf(final T... xs) {
    List<T> out = new ArrayList<>();
    for (T x : xs) {
      if (x != null) out.add(x);
    }
    return out;
  }

  static int parse(@SuppressWarnings("unused") final String s) throws IOException {
    if (s.isEmpty()) {
      throw new IOException("empty");
    }
    return Integer.parseInt(s);
  }

  public static Object caseConstructors(int k, List<Object> trace) {
    CorpusClasses a = new CorpusClasses(trace);
    CorpusClasses b = new CorpusClasses(k, trace);
    return a.id > 0 ? b.id : -1;
  }

  public static Object caseSuperWithSwitch(int k, List<Object> trace) {
    Base d = k == 4 ? new Derived(null) : new Derived(k);
    trace.add(d.name);
    return d.describe();
  }

  public static Object caseInnerClasses(int k, List<Object> trace) {
    CorpusClasses outer = new CorpusClasses(trace, k);
    Inner inner = outer.new Inner("i");
    InnerChild child = outer.new InnerChild(outer);
    return inner.name + child.name;
  }

  public static Object caseRecords(int k, List<Object> trace) {
    Range r = k % 2 == 0 ? new Range(k) : new Range(0, k);
    trace.add(Range.EMPTY);
    Named n = new Named("  x" + k + " ", List.of("t"));
    return r + " " + r.length() + " " + n;
  }

  public static Object caseEnums(int k, List<Object> trace) {
    StringBuilder out = new StringBuilder();
    for (Op op : Op.values()) {
      out.append(op.symbol).append(op.apply(10, k)).append(' ');
    }
    trace.add(Op.valueOf("ADD").ordinal());
    return out.toString();
  }

  public static Object caseInterfaces(int k, List<Object> trace) {
    Shape s = Shape.square(k);
    trace.add(s.area());
    return s.doubled();
  }

  public static Object caseAbstractAndFinal(int k, List<Object> trace) {
    Animal a = new Dog();
    return a.speak(Math.max(0, Math.min(k, 4)));
  }

  public static Object caseGenerics(int k, List<Object> trace) {
    List<Integer> xs = listOf(3, null, k, 1);
    trace.add(xs);
    return max(xs) + " " + max(listOf("b", "a", "c" + k)) + " " + max(List.<String>of());
  }

  public static Object caseThrowsAndAnnotatedParams(int k, List<Object> trace) throws IOException {
    return parse(k == 0 ? "" : k == 3 ? "x" : String.valueOf(k));
  }
}

/** A second top-level class in the file, with methods annotated one by one. */
class CorpusSecond {
  @LineProfile
  static int helper(int x) {
    int r = x - 1;
    return r;
  }

  @LineProfile
  public static Object caseSecondTopLevel(int k, List<Object> trace) {
    trace.add(helper(k));
    return helper(helper(k));
  }
}
