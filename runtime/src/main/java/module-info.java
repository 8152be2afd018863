/**
 * lineprof's runtime: the {@code @LineProfile} annotation and the harness a user calls ({@code
 * io.github.lineprof}), the probes the generated code calls ({@code probe}), and the launchers'
 * entry points: the agent's {@code Premain-Class} ({@code agent}) and the JMH profiler ({@code
 * jmh}). Everything under {@code internal} stays inside. On the class path, where profiled programs
 * and lineprof's command line and Maven plugin run, the module is a plain jar.
 */
module io.github.lineprof.runtime {
  exports io.github.lineprof;
  exports io.github.lineprof.probe;
  exports io.github.lineprof.agent;
  exports io.github.lineprof.jmh;

  requires java.management;
  // The report packages are shaded into this jar: needed to compile, inside the module at run time.
  requires static io.github.lineprof.report;
  // The agent's premain; a JVM started with -javaagent resolves it.
  requires static java.instrument;
  // Original mode's recorder; the harness says so when the JVM has no jdk.jfr.
  requires static jdk.jfr;
  // Whether the JVM keeps line numbers between safepoints (HotSpot's diagnostic bean).
  requires static jdk.management;
  // JMH users have it; jmh-core's jar names no module, so its automatic name is its file name's.
  requires static jmh.core;
}
