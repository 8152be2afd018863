package corpus;

import io.github.lineprof.LineProfile;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/** try / catch / finally, try-with-resources, throw, synchronized, assert. */
public class CorpusExceptions {
  private static final Object LOCK = new Object();

  static final class Resource implements Closeable {
    private final String name;
    private final List<Object> trace;

    Resource(String name, List<Object> trace, boolean fail) {
      if (fail) {
        throw new IllegalStateException("cannot open " + name);
      }
      this.name = name;
      this.trace = trace;
      trace.add("open " + name);
    }

    @Override
    public void close() throws IOException {
      trace.add("close " + name);
      if (name.equals("bad")) {
        throw new IOException("close failed");
      }
    }
  }

  @LineProfile
  public static Object caseTryCatch(int k, List<Object> trace) {
    int r;
    try {
      r = Integer.parseInt(k > 2 ? "x" : String.valueOf(k));
      trace.add("parsed");
    } catch (NumberFormatException e) {
      r = -1;
      trace.add(e.getMessage());
    }
    return r;
  }

  @LineProfile
  public static Object caseMultiCatch(int k, List<Object> trace) {
    try {
      if (k == 1) throw new IllegalArgumentException("one");
      if (k == 2) throw new IllegalStateException("two");
      if (k == 3) throw new UnsupportedOperationException("three");
      return "none";
    } catch (IllegalArgumentException | IllegalStateException e) {
      trace.add(e.getClass().getSimpleName());
      return e.getMessage();
    }
  }

  @LineProfile
  public static Object caseFinally(int k, List<Object> trace) {
    int x = k;
    try {
      x = 10 / k;
    } finally {
      trace.add("finally " + x);
    }
    return x;
  }

  @LineProfile
  public static Object caseNestedTry(int k, List<Object> trace) {
    try {
      try {
        if (k > 0) throw new IllegalStateException("inner " + k);
      } catch (IllegalStateException e) {
        trace.add("caught inner");
        if (k > 1) throw new IllegalArgumentException("rethrown", e);
      } finally {
        trace.add("inner finally");
      }
    } catch (IllegalArgumentException e) {
      trace.add("caught outer");
      if (k > 2) throw e;
    }
    return k;
  }

  @LineProfile
  public static Object caseTryWithResources(int k, List<Object> trace) throws IOException {
    try (Resource a = new Resource("a", trace, false);
         Resource b = new Resource("b", trace, k == 1);
         var c = new Resource(k == 2 ? "bad" : "c", trace, false)) {
      trace.add("body");
      if (k == 3) {
        throw new IllegalStateException("in body");
      }
      return a.name + b.name + c.name;
    }
  }

  @LineProfile
  public static Object caseTryWithResourcesCatch(int k, List<Object> trace) {
    try (Resource r = new Resource(k == 2 ? "bad" : "r", trace, k == 1)) {
      trace.add("body " + r.name);
    } catch (IOException | IllegalStateException e) {
      trace.add("caught " + e.getMessage());
      for (Throwable s : e.getSuppressed()) trace.add(s.getMessage());
      return "caught";
    } finally {
      trace.add("finally");
    }
    return "ok";
  }

  @LineProfile
  public static Object caseTryWithExistingResource(int k, List<Object> trace) throws IOException {
    Resource r = new Resource("existing", trace, false);
    try (r) {
      trace.add(k);
    }
    try (StringReader in = new StringReader("abc" + k)) { return (char) in.read(); }
  }

  @LineProfile
  public static Object caseThrow(int k, List<Object> trace) {
    if (k < 0) {
      throw new IllegalArgumentException("negative: " + k);
    }
    if (k == 7) throw new UncheckedIOException(new IOException("seven"));
    trace.add(k);
    return k;
  }

  @LineProfile
  public static Object caseCheckedThrow(int k, List<Object> trace) throws Exception {
    if (k == 2) {
      throw new Exception("checked " + k);
    }
    return helper(k);
  }

  private static int helper(int k) throws IOException {
    if (k == 3) throw new IOException("io " + k);
    return k * 2;
  }

  @LineProfile
  public static Object caseSynchronized(int k, List<Object> trace) {
    int r = 0;
    synchronized (LOCK) {
      r += k;
      trace.add("locked");
      if (k == 2) {
        return "early";
      }
    }
    synchronized (trace) { r++; }
    return r;
  }

  @LineProfile
  public static Object caseAssert(int k, List<Object> trace) {
    assert k != 3 : "k is three";
    assert k != 5;
    trace.add("after");
    return k;
  }

  @SuppressWarnings("finally")
  @LineProfile
  public static Object caseReturnFromFinally(int k, List<Object> trace) {
    try {
      if (k > 0) {
        throw new IllegalStateException("lost");
      }
      trace.add("try");
    } finally {
      return "finally " + k;
    }
  }

  @LineProfile
  public static Object caseCatchRethrowsWithCause(int k, List<Object> trace) {
    try {
      return Integer.parseInt("n" + k);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("wrapped " + k, e);
    }
  }

  @LineProfile
  public static Object caseExceptionInCondition(int k, List<Object> trace) {
    int[] xs = {1, 2, 3};
    int i = 0;
    while (xs[i] < k) {
      trace.add(i);
      i++;
    }
    return i;
  }

  @LineProfile
  public static Object caseStackOverflowCaught(int k, List<Object> trace) {
    try {
      return depth(0, k == 1);
    } catch (StackOverflowError e) {
      trace.add("overflow");
      return "overflow";
    }
  }

  private static int depth(int n, boolean forever) {
    return forever || n < 10 ? depth(n + 1, forever) + 1 : n;
  }
}
