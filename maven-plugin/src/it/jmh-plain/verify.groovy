// An ordinary JMH jar (Main-Class only, no Premain-Class) profiled with -prof in the default
// (original) mode and in exact mode: JMH prints the score, the line table, and a lineprof row
// that reads as no score. Minimal JMH settings: one fork, tiny iterations.
import java.util.jar.JarFile

def jar = new File(basedir, 'target/benchmarks.jar')
def manifest = new JarFile(jar).manifest.mainAttributes
assert manifest.getValue('Main-Class') == 'org.openjdk.jmh.Main'
assert manifest.getValue('Premain-Class') == null

def java = new File(System.getProperty('java.home'), 'bin/java').path
def jmh = { List<String> command ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).start()
  def out = process.inputStream.text
  [process.waitFor(), out]
}
def run = { String name, String options ->
  def command = [java, '-Djmh.ignoreLock=true', '-jar', jar.path, 'SumBenchmark',
                 '-f', '1', '-wi', '1', '-w', '200ms', '-i', '2', '-r', '300ms',
                 '-prof', 'io.github.lineprof.jmh.JmhLineProfiler:output=' + new File(basedir, 'target/jmh-' + name).path + options]
  def (exit, out) = jmh(command)
  new File(basedir, 'jmh-' + name + '.log').text = out
  assert exit == 0 : out
  assert !out.contains('Premain-Class') : out
  assert !out.contains('benchmarks matched') : out
  // the score
  assert out =~ /(?m)^SumBenchmark\.sumOfSquares\s+avgt\s+2\s+\d/ : out
  // the table under it
  assert out.contains('Function: Sums.sumOfSquares at line 8') : out
  def loop = out.readLines().find { it.contains('sum += (long) values[i] * values[i];') }
  assert loop != null : out
  def hits = loop.trim().split(/\s+/)[1] as long
  assert hits > 0 && hits % 10_000 == 0 : loop
  // lineprof's row in JMH's result table: no number that passes for a measurement
  def row = out.readLines().find { it.startsWith('SumBenchmark.sumOfSquares:lineprof') }
  assert row != null && row =~ /avgt\s+NaN\s+---\s*$/ : out
  assert new File(basedir, 'target/jmh-' + name + '/com.example.SumBenchmark.sumOfSquares-AverageTime/report.json').isFile()
  return out
}
assert run('original', '').contains('lineprof: Hits: instrumented copy')
assert run('exact', ';mode=exact').contains('exact')

// Where no fork could get the agent (here a JVM without java.instrument): one line before JMH
// runs anything.
def (exit, out) = jmh([java, '--limit-modules', 'java.base,java.logging,java.management,jdk.management,jdk.jfr,java.xml,jdk.unsupported',
                       '-Djmh.ignoreLock=true', '-jar', jar.path, 'SumBenchmark', '-f', '1',
                       '-prof', 'io.github.lineprof.jmh.JmhLineProfiler'])
assert exit != 0 : out
assert out.readLines().contains("lineprof: this JVM has no java.instrument module, which the forks' agent needs") : out
assert !out.contains('# Fork:') && !out.contains('Exception') : out
return true
