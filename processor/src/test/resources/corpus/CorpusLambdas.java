package corpus;

import io.github.lineprof.LineProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Lambdas, anonymous and local classes inside profiled methods. */
public class CorpusLambdas {
  private int field = 5;

  @LineProfile
  public static Object caseBlockLambda(int k, List<Object> trace) {
    int base = k;
    int[] sum = {0};
    List.of(1, 2, 3, 4).forEach(x -> {
      if (x > base) {
        sum[0] += x;
      } else {
        trace.add(x);
      }
    });
    return sum[0];
  }

  @LineProfile
  public static Object caseExpressionLambdas(int k, List<Object> trace) {
    IntUnaryOperator twice = x -> x * 2;
    Function<Integer, String> show = x -> "v" + x;
    Supplier<List<Object>> same = () -> trace;
    same.get().add(show.apply(k));
    return twice.applyAsInt(k);
  }

  @LineProfile
  public static Object caseNestedLambdas(int k, List<Object> trace) {
    Function<Integer, IntUnaryOperator> adder = a -> {
      IntUnaryOperator inner = b -> {
        int c = a + b;
        trace.add(c);
        return c;
      };
      return inner;
    };
    return adder.apply(k).applyAsInt(10);
  }

  @LineProfile
  public static Object caseOneLineLambdas(int k, List<Object> trace) {
    Runnable r = () -> { trace.add("a"); trace.add("b"); };
    r.run();
    Runnable empty = () -> {};
    empty.run();
    Callable<Integer> c = () -> { return k; };
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @LineProfile
  public static Object caseLambdaThrows(int k, List<Object> trace) throws Exception {
    Callable<Integer> c = () -> {
      trace.add("called");
      if (k > 2) {
        throw new IOException("k=" + k);
      }
      return k;
    };
    return c.call();
  }

  @LineProfile
  public static Object caseLambdaLoops(int k, List<Object> trace) {
    Function<String, Integer> count = w -> {
      int n = 0;
      for (int i = 0; i < w.length(); i++) {
        if (w.charAt(i) == 'a') n++;
      }
      while (n > 100) {
        n--;
      }
      do {
        n++;
      } while (n < 0);
      for (char ch : w.toCharArray()) {
        if (ch == 'b') n += 10;
      }
      return n;
    };
    return count.apply("abab".repeat(Math.max(0, k)));
  }

  @LineProfile
  public static Object caseLambdaWhileTrue(int k, List<Object> trace) {
    Supplier<Integer> forever = () -> {
      int i = 0;
      while (true) {
        if (++i > k) {
          return i;
        }
        trace.add(i);
      }
    };
    return forever.get();
  }

  @LineProfile
  public static Object caseStreams(int k, List<Object> trace) {
    List<Integer> squares = IntStream.range(0, Math.max(0, k))
        .map(i -> {
          int sq = i * i;
          return sq;
        })
        .boxed()
        .collect(Collectors.toList());
    Map<Boolean, List<Integer>> parts = squares.stream()
        .collect(Collectors.partitioningBy(x -> x % 2 == 0));
    trace.add(parts);
    return squares.stream().reduce(0, Integer::sum);
  }

  @LineProfile
  public static Object caseMethodReferences(int k, List<Object> trace) {
    Function<String, Integer> length = String::length;
    Supplier<ArrayList<String>> make = ArrayList::new;
    BiFunction<String, Integer, Character> at = String::charAt;
    ArrayList<String> list = make.get();
    list.add("x" + k);
    trace.add(at.apply("hello", Math.floorMod(k, 5)));
    return length.apply(list.get(0));
  }

  @LineProfile
  public static Object caseAnonymousClass(int k, List<Object> trace) {
    Comparator<String> byLength = new Comparator<>() {
      private int calls;

      @Override
      public int compare(String a, String b) {
        calls++;
        int d = a.length() - b.length();
        return d != 0 ? d : a.compareTo(b);
      }

      @Override
      public String toString() { return "calls"; }
    };
    List<String> words = new ArrayList<>(List.of("ccc", "a", "bb", "dd").subList(0, Math.max(0, Math.min(4, k))));
    words.sort(byLength);
    trace.add(byLength.toString());
    return words;
  }

  @LineProfile
  public Object caseAnonymousCapturesThis(int k, List<Object> trace) {
    Supplier<Integer> s = new Supplier<>() {
      @Override
      public Integer get() {
        field += k;
        return field;
      }
    };
    trace.add(s.get());
    return s.get();
  }

  @LineProfile
  public static Object caseDoubleBraceInitializer(int k, List<Object> trace) {
    List<Integer> xs = new ArrayList<>() {
      private static final long serialVersionUID = 1L;

      {
        for (int i = 0; i < k; i++) {
          add(i);
        }
        trace.add("init");
      }
    };
    return xs;
  }

  @LineProfile
  public static Object caseLocalClass(int k, List<Object> trace) {
    class Counter {
      private int n;

      Counter(int start) {
        n = start;
      }

      Counter() {
        this(100);
        trace.add("default");
      }

      int add(String s) {
        n += s.length();
        return n;
      }
    }
    Counter c = k > 2 ? new Counter() : new Counter(k);
    c.add("abc");
    return c.add("d");
  }

  @LineProfile
  public static Object caseLocalRecord(int k, List<Object> trace) {
    record Point(int x, int y) {
      Point {
        if (x < 0) {
          throw new IllegalArgumentException("x < 0: " + x);
        }
      }

      Point(int both) {
        this(both, both);
      }

      int manhattan() {
        return Math.abs(x) + Math.abs(y);
      }
    }
    Point p = new Point(k);
    trace.add(p);
    return p.manhattan() + new Point(k, 1).y();
  }

  @LineProfile
  public static Object caseLocalEnum(int k, List<Object> trace) {
    enum Op {
      ADD {
        @Override
        int apply(int a, int b) {
          return a + b;
        }
      },
      MUL {
        @Override
        int apply(int a, int b) {
          int r = a * b;
          return r;
        }
      };

      abstract int apply(int a, int b);
    }
    int r = 0;
    for (Op op : Op.values()) {
      r += op.apply(k, 3);
      trace.add(op);
    }
    return r;
  }

  @LineProfile
  public static Object caseLocalInterface(int k, List<Object> trace) {
    interface Shape {
      int sides();

      default int twice() {
        int s = sides();
        return s * 2;
      }

      static Shape of(int n) {
        return () -> n;
      }

      private int unused() {
        return 0;
      }
    }
    Shape s = Shape.of(k);
    trace.add(s.sides());
    return s.twice();
  }

  @LineProfile
  public static Object caseGenericLocalMethod(int k, List<Object> trace) {
    class Box<T extends Comparable<T>> {
      T best;

      <U extends T> void offer(U x) {
        if (best == null || x.compareTo(best) > 0) {
          best = x;
        }
      }
    }
    Box<String> box = new Box<>();
    for (int i = 0; i < k; i++) {
      box.offer("s" + i);
    }
    return box.best;
  }

  @LineProfile
  public static Object caseSerializableLambda(int k, List<Object> trace) throws Exception {
    Callable<String> c = (Callable<String> & Serializable) () -> {
      String t = "k" + k;
      return t;
    };
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      Callable<String> back = (Callable<String>) in.readObject();
      return back.call();
    }
  }

  @LineProfile
  public static Object caseLambdaInLoopCondition(int k, List<Object> trace) {
    List<Integer> xs = new ArrayList<>(List.of(1, 2, 3));
    int i = 0;
    while (xs.stream().anyMatch(x -> {
      return x > k;
    }) && i < 5) {
      xs.add(k);
      xs.remove(0);
      i++;
    }
    return i;
  }

  @LineProfile
  public static Object caseLambdaReturningLambda(int k, List<Object> trace) {
    Supplier<IntBinaryOperator> make = () -> {
      trace.add("make");
      return (a, b) -> {
        int r = a * b + k;
        return r;
      };
    };
    return make.get().applyAsInt(2, 3);
  }

  @LineProfile
  public static Object caseIteratorAnonymous(int k, List<Object> trace) {
    Iterator<Integer> it = new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < k;
      }

      @Override
      public Integer next() {
        int r = next;
        next++;
        return r;
      }
    };
    int sum = 0;
    while (it.hasNext()) {
      sum += it.next();
    }
    return sum;
  }

  @LineProfile
  public static Object caseLambdaInTryAndSwitch(int k, List<Object> trace) {
    Function<Integer, String> f;
    try {
      f = switch (k) {
        case 1 -> x -> {
          trace.add("one");
          return "one " + x;
        };
        default -> x -> "other " + x;
      };
    } finally {
      trace.add("finally");
    }
    return f.apply(k);
  }

  @LineProfile
  public static Object caseTreeMapWithComparatorLambda(int k, List<Object> trace) {
    TreeMap<String, Integer> m = new TreeMap<>((a, b) -> {
      int c = Integer.compare(b.length(), a.length());
      return c != 0 ? c : a.compareTo(b);
    });
    for (int i = 0; i < k; i++) {
      m.put("x".repeat(i % 3 + 1) + i, i);
    }
    return m;
  }

  @LineProfile
  public static Object caseRecursiveLocalClass(int k, List<Object> trace) {
    class Fact {
      long of(int n) {
        if (n <= 1) {
          return 1;
        }
        return n * of(n - 1);
      }
    }
    return new Fact().of(Math.min(Math.abs(k), 15));
  }

  @LineProfile
  public static Object caseAnonymousInConstructorArgument(int k, List<Object> trace) {
    Thread t = new Thread(new Runnable() {
      @Override
      public void run() {
        trace.add("ran " + k);
      }
    });
    t.run();
    return trace.size();
  }

  @LineProfile
  public static Object caseInstanceFromStatic(int k, List<Object> trace) {
    CorpusLambdas c = new CorpusLambdas();
    return c.caseAnonymousCapturesThis(k, trace);
  }
}
