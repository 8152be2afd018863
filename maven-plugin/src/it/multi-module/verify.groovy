// Each module has its own report; app's aggregate sums core's and app's tests.
import groovy.json.JsonSlurper
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
// core's and app's tests, and app's integration test
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0\n') == 3
def read = { path -> new JsonSlurper().parse(new File(basedir, path)) }
def hits = { report, String function, String text ->
  def f = report.functions.find { it.name == function }
  assert f != null : "no ${function} in ${report.functions*.name}"
  f.hits[f.lines.findIndexOf { it.contains(text) }]
}
def words = 'words++;'
assert hits(read('core/target/lineprof/report.json'), 'Words.count', words) == 2
// app's tests swap in core's instrumented classes too (from core's lineprof jar)
def app = read('app/target/lineprof/report.json')
assert hits(app, 'Words.count', words) == 5 + 2
assert hits(app, 'Stats.total', 'total += Words.count(text);') == 3 + 1
// app's integration test ran on app's jar, with the copies of app's lineprof jar
def failsafe = new File(basedir, 'app/target/lineprof/failsafe').listFiles().find { it.name.startsWith('jvm-') }
assert failsafe != null
assert hits(new JsonSlurper().parse(new File(failsafe, 'report.json')), 'Stats.total', 'total += Words.count(text);') == 1
def aggregate = read('app/target/lineprof/aggregate/report.json')
assert hits(aggregate, 'Words.count', words) == 9
assert hits(aggregate, 'Stats.total', 'total += Words.count(text);') == 4
assert aggregate.runs.size() == 3
assert !new File(basedir, 'target/lineprof').exists()

// The jars hold what the modules' compiles made; lineprof's files are in the attached lineprof jars.
def entries = { path -> new ZipFile(new File(basedir, path)).withCloseable { z -> z.entries().collect { it.name } } }
['core': 'Words', 'app': 'Stats'].each { module, type ->
  def pkg = "com/example/${module}"
  def jar = entries("${module}/target/${module}-1.0.jar")
  assert jar.contains("${pkg}/${type}.class".toString())
  assert jar.findAll { it.startsWith('META-INF/lineprof') || it.contains('LineProf_') } == []
  def lineprof = entries("${module}/target/${module}-1.0-lineprof.jar")
  assert lineprof.containsAll(["${pkg}/LineProf_${type}.class", "META-INF/lineprof/classes/${pkg}/${type}.class",
      "META-INF/lineprof/classes/${pkg}/${type}.class.sha256", "META-INF/lineprof/src/${pkg}/${type}.java"]*.toString())
  assert !lineprof.contains("${pkg}/${type}.class".toString())
}
return true
